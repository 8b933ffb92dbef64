using BatchTui.Core.Api;
using BatchTui.Core.Results.Index;
using BatchTui.Core.State;
using BatchTui.Tui.Batches;
using BatchTui.Tui.Results;
using BatchTui.Tui.Shell;
using BatchTui.Tui.Widgets;
using Microsoft.Extensions.Time.Testing;
using Terminal.Gui.App;
using Terminal.Gui.Drivers;
using Terminal.Gui.Input;
using Terminal.Gui.Testing;

namespace BatchTui.Tests.Support;

/// <summary>
/// A user at a headless terminal: the real app (shell + batch list) on Terminal.Gui's ANSI driver with no tty, on a
/// fake clock. Each step presses keys, lets the app finish what they started (background HTTP included), and reads
/// the screen back as text — so a test reads as a short user story:
/// <code>t.Press("j").ExpectSelected(id).Press("c").ExpectLine("Cancel msgbatch_…?")</code>
/// </summary>
public sealed class TuiDriver : IDisposable
{
    private readonly SessionToken? _token;
    private readonly UiThread _thread = UiThread.Capture();
    private readonly BatchesPane? _pane;

    private TuiDriver(IBatchesApi api, FakeTimeProvider time, int cols, int rows, bool readOnly, int pageSize, PaneFactories? factories, string theme,
        CrashLog? crashes, ShellInfo? info = null)
    {
        Time = time;
        (Themes, App) = Boot(time, cols, rows, theme);
        (Shell, _pane) = TuiApp.Build(App, api, info ?? new ShellInfo("default", api.BaseUrl, true, readOnly), new TuiOptions(pageSize, 5), Themes, time, factories, crashes);
        // Snapshots must not depend on the machine's zone.
        Shell.LocalZone = Shell.Zone = TimeZoneInfo.Utc;
        _pane.Detail.Zone = TimeZoneInfo.Utc;
        _token = App.Begin(Shell);
        _pane.Start();
        Settle();
    }

    // The app on the headless driver at a fixed size, its theme installed: what both constructors start from.
    private static (ThemeCatalog, IApplication) Boot(FakeTimeProvider time, int cols, int rows, string theme)
    {
        var themes = new ThemeCatalog(theme, noColor: false);
        themes.Install(null);
        IApplication app = Application.Create(new TuiClock(time)).Init(DriverRegistry.Names.ANSI);
        app.Driver!.SetScreenSize(cols, rows);
        themes.Apply(themes.Current, app.Driver);
        return (themes, app);
    }

    // The same shell around another root pane: open FILE, or a results browser of its own.
    private TuiDriver(ShellInfo info, Func<IShell, IPane> root, FakeTimeProvider time, int cols, int rows, string theme, bool settle = true)
    {
        Time = time;
        (Themes, App) = Boot(time, cols, rows, theme);
        Shell = TuiApp.BuildWith(App, info, Themes, time, root);
        Shell.LocalZone = Shell.Zone = TimeZoneInfo.Utc;
        _token = App.Begin(Shell);
        if (settle) Settle();
        else _thread.Release();
    }

    /// <summary><c>batchtui open FILE</c>: the app's shell with the results browser of <paramref name="path"/> as its root,
    /// its index pass started before the shell, as <c>open</c> starts it.</summary>
    public static TuiDriver Open(string path, int cols = 100, int rows = 30, FakeTimeProvider? time = null, string theme = "dark")
    {
        ResultsIndex indexing = ResultsIndex.Open(path);
        return new(ShellInfo.ForFile(Path.GetFileName(path)), shell => ResultsPane.ForFile(shell, path, indexing: indexing), time ?? NewClock(), cols, rows, theme);
    }

    /// <summary>The app's shell with <paramref name="root"/> as its only pane (e.g. the results of one batch).</summary>
    /// <param name="settle">False: the first screen is read before the work the pane started is done (a download).</param>
    public static TuiDriver With(Func<IShell, IPane> root, Uri origin, int cols = 100, int rows = 30, bool readOnly = false,
        FakeTimeProvider? time = null, bool settle = true) =>
        new(new ShellInfo("default", origin, true, readOnly), root, time ?? NewClock(), cols, rows, "dark", settle);

    private static FakeTimeProvider NewClock() => new(new DateTimeOffset(2026, 12, 2, 8, 0, 0, TimeSpan.Zero));

    public static TuiDriver Start(IBatchesApi api, FakeTimeProvider time, int cols = 100, int rows = 30, bool readOnly = false,
        int pageSize = 50, PaneFactories? factories = null, string theme = "dark", CrashLog? crashes = null, ShellInfo? info = null) =>
        new(api, time, cols, rows, readOnly, pageSize, factories, theme, crashes, info);

    public IApplication App { get; }
    public AppShell Shell { get; }
    /// <summary>The batch list (not there when the driver runs another root pane).</summary>
    public BatchesPane Pane => _pane ?? throw new InvalidOperationException("no batch list in this shell");
    public FakeTimeProvider Time { get; }
    public ThemeCatalog Themes { get; }

    // ---- input ---------------------------------------------------------------------------------------------------

    /// <summary>Presses keys: a string is typed character by character, a <see cref="Key"/> is pressed as is.</summary>
    public TuiDriver Press(params object[] keys)
    {
        foreach (object k in keys)
        {
            switch (k)
            {
                case Key key: App.InjectKey(key); Settle(); break;
                case string s: foreach (char c in s) { App.InjectKey(new Key(c)); Settle(); } break;
                default: throw new ArgumentException($"cannot press {k}");
            }
        }
        return this;
    }

    /// <summary>Types text into whatever has focus (a prompt), without settling between characters.</summary>
    public TuiDriver Type(string text)
    {
        foreach (char c in text) App.InjectKey(new Key(c));
        Settle();
        return this;
    }

    /// <summary>
    /// Settles until <paramref name="done"/> holds, for work the shell does not track (the editor's HTTP, a results
    /// download): a real loopback round trip, so this polls, up to a bound, and fails with the screen.
    /// </summary>
    public TuiDriver Until(Func<bool> done, string what)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(30))
        {
            Settle();
            if (done()) return this;
            Thread.Sleep(5);
        }
        throw new TimeoutException($"never happened: {what}; screen:\n{Screen()}");
    }

    public TuiDriver Click(int col, int row)
    {
        App.InjectSequence(InputInjectionExtensions.LeftButtonClick(new System.Drawing.Point(col, row)));
        Settle();
        return this;
    }

    public TuiDriver Resize(int cols, int rows)
    {
        App.Driver!.SetScreenSize(cols, rows);
        Settle();
        return this;
    }

    /// <summary>Moves the fake clock (auto-refresh, relative times) and lets whatever that started finish.</summary>
    public TuiDriver Advance(TimeSpan by)
    {
        // In small steps, so every timer due on the way fires in order.
        TimeSpan step = TimeSpan.FromMilliseconds(500);
        for (TimeSpan done = TimeSpan.Zero; done < by; done += step)
        {
            Time.Advance(by - done < step ? by - done : step);
            Settle();
        }
        return this;
    }

    /// <summary>Runs the UI loop's queued work and waits for background work (HTTP) until nothing is left.</summary>
    public TuiDriver Settle()
    {
        for (int round = 0; round < 200; round++)
        {
            App.TimedEvents!.RunTimers();
            Task[] pending = [.. Shell.PendingWork, .. _pane is null ? [] : new[] { _pane.Refresher.Current }];
            pending = pending.Where(t => !t.IsCompleted).ToArray();
            if (pending.Length == 0)
            {
                App.TimedEvents!.RunTimers();
                if (!HasDueTimers()) break;
                continue;
            }
            if (!Task.WaitAll(pending, TimeSpan.FromSeconds(20))) throw new TimeoutException("background work did not finish in 20 s");
        }
        App.LayoutAndDraw();
        return _thread.Release(this);
    }

    private bool HasDueTimers()
    {
        long now = Time.GetLocalNow().DateTime.Ticks;
        try
        {
            return App.TimedEvents!.Timeouts.Keys.Any(k => k <= now);
        }
        catch (InvalidOperationException)
        {
            return true; // background work queued a timeout while this looked: look again
        }
    }

    // ---- output --------------------------------------------------------------------------------------------------

    /// <summary>
    /// The screen as the main loop leaves it: only what changed is redrawn. Each read also checks that a redraw of
    /// every view over that buffer, as the once-a-second tick does, paints exactly what a redraw from an empty buffer
    /// does, cell by cell with colours: views skip the rows the buffer already shows and frames skip clearing, so a
    /// stale glyph either left behind fails here.
    /// </summary>
    public string Screen()
    {
        App.LayoutAndDraw();
        string text = App.Driver!.ToString()!;
        Shell.SetNeedsDraw();
        App.LayoutAndDraw();
        string over = App.Driver.ToAnsi();
        App.LayoutAndDraw(true);
        if (App.Driver.ToAnsi() != over)
            Assert.Fail($"redrawn over the last frame the screen differs from a full redraw; as drawn:\n{text}\nfull redraw:\n{App.Driver.ToString()}");
        return _thread.Release(text);
    }

    public string[] Lines() => Screen().Split(Environment.NewLine)[..^1];

    public TuiDriver ExpectLine(string contains)
    {
        string[] lines = Lines();
        Assert.True(lines.Any(l => l.Contains(contains, StringComparison.Ordinal)),
            $"no line contains \"{contains}\"; screen:\n{string.Join('\n', lines)}");
        return this;
    }

    public TuiDriver ExpectNoLine(string contains)
    {
        string[] lines = Lines();
        Assert.False(lines.Any(l => l.Contains(contains, StringComparison.Ordinal)),
            $"a line contains \"{contains}\"; screen:\n{string.Join('\n', lines)}");
        return this;
    }

    /// <summary>The batch with this id is selected, and its row on screen carries the selection marker.</summary>
    public TuiDriver ExpectSelected(string batchId)
    {
        Assert.Equal(batchId, Pane.Model.State.SelectedId);
        string shortId = BatchRowRenderer.ShortId(batchId, Pane.List.Viewport.Width >= 0 ? new BatchRowRenderer(Pane.List.Viewport.Width).IdWidth : 33);
        string[] marked = Lines().Where(l => l.Contains(BatchRowRenderer.SelectedMarker.Trim(), StringComparison.Ordinal)).ToArray();
        Assert.True(marked.Length == 1 && marked[0].Contains(shortId, StringComparison.Ordinal),
            $"expected one row marked ▶ with {shortId}; screen:\n{Screen()}");
        return this;
    }

    /// <summary>The flash bar (second-last line) says this.</summary>
    public TuiDriver ExpectFlash(string contains)
    {
        string flash = Lines()[^2];
        Assert.True(flash.Contains(contains, StringComparison.Ordinal), $"flash bar is \"{flash.TrimEnd()}\", expected \"{contains}\"");
        return this;
    }

    public TuiDriver ExpectHeader(string contains)
    {
        Assert.Contains(contains, Lines()[0]);
        return this;
    }

    public TuiDriver Snapshot(string name)
    {
        Approved.Verify(name, Screen());
        return this;
    }

    public void Dispose()
    {
        if (_token is not null) App.End(_token);
        Shell.Dispose();
        App.Dispose();
        ThemeCatalog.Uninstall();
        _thread.Release();
    }
}
