// Key press to drawn frame while moving down a 1,000-row page: the real batch list (BatchesPane in the app's shell,
// built as tests/BatchTui.Tests/Support/TuiDriver.cs does) on Terminal.Gui's headless ANSI driver, against the
// simulator over loopback; beside it the peer, a bare Terminal.Gui ListView of 1,000 strings, same size, same loop;
// and, after the walk, the time a T press (next theme) takes to the drawn frame.
// One frame = inject the key, run the UI loop's queued work, lay out and draw (what one main-loop turn does).
// Prints one tab-separated line per figure: frame <what> <median ms> <p95 ms> <max ms> <frames>.
using System.Collections.ObjectModel;
using System.Diagnostics;
using BatchTui.Core.Api;
using BatchTui.Simulator;
using BatchTui.Tui.Batches;
using BatchTui.Tui.Shell;
using BatchTui.Tui.Widgets;
using Terminal.Gui.App;
using Terminal.Gui.Drivers;
using Terminal.Gui.Input;
using Terminal.Gui.Testing;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;

Environment.SetEnvironmentVariable("DisableRealDriverIO", "1"); // never touch the real terminal
const int Rows = 1000;
int cols = args.Length > 0 ? int.Parse(args[0]) : 100;
int lines = args.Length > 1 ? int.Parse(args[1]) : 30;

await using SimulatorServer sim = await SimulatorServer.StartAsync(new SimulatorOptions { Port = 0, SeedWorld = true });
using var api = new AnthropicBatchesApi(new BatchesApiSettings { BaseUrl = sim.BaseUrl });
await FillAsync(api, sim, Rows);

// TUIBENCH_ONLY=ours|peer runs one side alone (for a profiler).
string only = Environment.GetEnvironmentVariable("TUIBENCH_ONLY") ?? "";
if (only != "peer")
{
    (List<double> walk, List<double> themes) = OurList(api, cols, lines);
    Report($"batchtui: batch list, {Rows:N0}-row page ({cols}x{lines})", walk);
    Report($"batchtui: T, the next theme (rebuilds Terminal.Gui's configuration)", themes);
}
if (only != "ours") Report($"peer: bare Terminal.Gui ListView, {Rows:N0} strings ({cols}x{lines})", PeerList(cols, lines));
return 0;

static async Task FillAsync(IBatchesApi api, SimulatorServer sim, int atLeast)
{
    var body = System.Text.Json.JsonDocument.Parse(
        """{"model":"claude-haiku-4-5","max_tokens":16,"messages":[{"role":"user","content":"hi"}]}""").RootElement;
    int missing = atLeast - sim.BatchCount;
    await Parallel.ForEachAsync(Enumerable.Range(0, Math.Max(0, missing)), new ParallelOptions { MaxDegreeOfParallelism = 4 },
        async (i, ct) => await api.CreateAsync(new BatchCreateRequest([new BatchRequestItem($"r-{i}", body)]), ct));
}

static (List<double> Walk, List<double> Themes) OurList(IBatchesApi api, int cols, int lines)
{
    var themes = new ThemeCatalog("dark", noColor: false);
    themes.Install(null);
    using IApplication app = Application.Create(new TuiClock(TimeProvider.System)).Init(DriverRegistry.Names.ANSI);
    app.Driver!.SetScreenSize(cols, lines);
    themes.Apply(themes.Current, app.Driver);
    // Auto-refresh off: a refresh landing mid-run would be measured as a slow key.
    (AppShell shell, BatchesPane pane) = TuiApp.Build(app, api, new ShellInfo("bench", api.BaseUrl, true, false),
        new TuiOptions(Rows, 0), themes, TimeProvider.System);
    using (shell)
    {
        SessionToken? token = app.Begin(shell);
        pane.Start();
        var wait = Stopwatch.StartNew();
        while (pane.Model.State.Page.Count < Rows)
        {
            if (wait.Elapsed > TimeSpan.FromSeconds(60)) throw new TimeoutException("the 1,000-row page did not load");
            app.TimedEvents!.RunTimers();
            Thread.Sleep(5);
        }
        app.LayoutAndDraw(true);
        List<double> times = Walk(app, Key.J, Key.Home, () => pane.Model.State.SelectedIndex);
        if (!app.Driver!.ToString()!.Contains(BatchRowRenderer.SelectedMarker.Trim(), StringComparison.Ordinal))
            throw new InvalidOperationException("the selected row is not drawn");
        // Theme switches: four rounds through the four themes, the first round a warm-up.
        for (int i = 0; i < 4; i++) Frame(app, Key.T.WithShift);
        var switches = new List<double>();
        for (int i = 0; i < 16; i++)
        {
            long start = Stopwatch.GetTimestamp();
            Frame(app, Key.T.WithShift);
            switches.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
        }
        if (themes.Current != "dark") throw new InvalidOperationException($"20 presses of T left the theme on {themes.Current}");
        if (token is not null) app.End(token);
        ThemeCatalog.Uninstall();
        return (times, switches);
    }
}

static List<double> PeerList(int cols, int lines)
{
    using IApplication app = Application.Create().Init(DriverRegistry.Names.ANSI);
    app.Driver!.SetScreenSize(cols, lines);
    var rows = new ObservableCollection<string>(Enumerable.Range(0, Rows)
        .Select(i => $"msgbatch_01{i:D22}  in_progress  {i % 60}m ago  ██████░░░░ {i * 7 % 1000,5}  in {i % 24}h"));
    var list = new ListView { Width = Dim.Fill(), Height = Dim.Fill() };
    list.SetSource(rows);
    var win = new Window { Title = "Batches", Width = Dim.Fill(), Height = Dim.Fill() };
    win.Add(list);
    SessionToken? token = app.Begin(win);
    list.SetFocus();
    list.SelectedItem = 0;
    app.LayoutAndDraw(true);
    List<double> times = Walk(app, Key.CursorDown, Key.Home, () => list.SelectedItem ?? -1);
    if (token is not null) app.End(token);
    win.Dispose();
    return times;
}

// A warm-up pass (JIT, caches) down 200 rows and back to the top, then the measured walk down all 1,000 rows.
static List<double> Walk(IApplication app, Key down, Key top, Func<int> selected)
{
    for (int i = 0; i < 200; i++) Frame(app, down);
    Frame(app, top);
    if (selected() != 0) throw new InvalidOperationException($"{top} left the selection on row {selected()}");
    var times = new List<double>(Rows);
    for (int row = 1; row < Rows; row++)
    {
        long start = Stopwatch.GetTimestamp();
        Frame(app, down);
        times.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
        if (selected() != row) throw new InvalidOperationException($"after {row} presses the selection is on row {selected()}");
    }
    return times;
}

static void Frame(IApplication app, Key key)
{
    app.InjectKey(key);
    app.TimedEvents!.RunTimers();
    app.LayoutAndDraw();
}

static void Report(string what, List<double> ms)
{
    ms.Sort();
    double P(double q) => ms[Math.Min(ms.Count - 1, (int)Math.Ceiling(q * ms.Count) - 1)];
    Console.WriteLine(FormattableString.Invariant($"frame\t{what}\t{P(0.5):0.00}\t{P(0.95):0.00}\t{ms[^1]:0.00}\t{ms.Count}"));
}
