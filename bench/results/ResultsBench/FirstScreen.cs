using System.Diagnostics;
using BatchTui.Tui.Results;
using BatchTui.Tui.Shell;
using BatchTui.Tui.Widgets;
using Terminal.Gui.App;
using Terminal.Gui.Drivers;

namespace ResultsBench;

/// <summary>
/// Time to first screen through the real results pane: a headless Terminal.Gui app (ANSI driver, no terminal) opens
/// the file with <see cref="ResultsPane.ForFile"/> in the app's shell exactly as <c>batchtui open FILE</c> does, and the clock stops
/// when the drawn screen shows a full screenful of rows — the custom_id of the last visible row is on it.
/// </summary>
internal static class FirstScreen
{
    private const int Cols = 160, Rows = 50;

    /// <summary>FS_PROBE=1: what one full redraw costs, and without each of the pane's views (where the time goes).</summary>
    private static void Probe(IApplication app, ResultsPane pane)
    {
        var t = Stopwatch.StartNew();
        for (int i = 0; i < 5; i++) app.LayoutAndDraw(true);
        Console.Error.WriteLine($"steady full draw: {t.Elapsed.TotalMilliseconds / 5:F1} ms");
        foreach (var v in pane.View.SubViews.ToList())
        {
            v.Visible = false;
            t.Restart();
            for (int i = 0; i < 5; i++) app.LayoutAndDraw(true);
            Console.Error.WriteLine($"  without {v.GetType().Name}: {t.Elapsed.TotalMilliseconds / 5:F1} ms");
            v.Visible = true;
        }
    }

    public static double Measure(string path, out string lastVisibleRow)
    {
        Task? indexing = null;
        try
        {
            return MeasureOnce(path, out lastVisibleRow, out indexing);
        }
        finally
        {
            // The pane is disposed, which cancels its index pass; wait until that pass has really stopped so the next
            // run does not share the two cores with it (a user's first open has only its own pass running).
            try { indexing?.Wait(TimeSpan.FromSeconds(30)); } catch (AggregateException) { }
            GC.Collect();
            GC.WaitForPendingFinalizers();
        }
    }

    private static double MeasureOnce(string path, out string lastVisibleRow, out Task? indexing)
    {
        indexing = null;
        Environment.SetEnvironmentVariable("DisableRealDriverIO", "1"); // never open /dev/tty
        using IApplication app = Application.Create().Init(DriverRegistry.Names.ANSI);
        app.Driver!.SetScreenSize(Cols, Rows);
        var sw = Stopwatch.StartNew();
        // The app's one shell, as `open FILE` builds it (TuiApp.RunWith), around the results pane.
        ResultsPane pane = null!;
        using AppShell shell = TuiApp.BuildWith(app, ShellInfo.ForFile(Path.GetFileName(path)), new ThemeCatalog(null, noColor: false),
            TimeProvider.System, s => pane = ResultsPane.ForFile(s, path));
        SessionToken token = app.Begin(shell)!;
        try
        {
            while (true)
            {
                app.TimedEvents!.RunTimers(); // what the index posted to the UI loop (Invoke) and due timers
                app.LayoutAndDraw();
                if (pane.Model is { } model)
                {
                    indexing = model.Index.Completion;
                    // Rows the table shows: its height less the header line and the line under it.
                    int visible = Math.Max(1, pane.Table.Viewport.Height - 2);
                    if (model.View.Count >= visible)
                    {
                        string id = model.Index[model.View[visible - 1]].CustomId;
                        if (app.Driver.ToString()!.Contains(id, StringComparison.Ordinal))
                        {
                            double ms = sw.Elapsed.TotalMilliseconds;
                            if (Environment.GetEnvironmentVariable("FS_PROBE") is not null) Probe(app, pane);
                            lastVisibleRow = $"row {visible} {id}";
                            return ms;
                        }
                    }
                }
                if (pane.Ready.IsCompleted && pane.Model is null) throw new InvalidOperationException(pane.Status);
                if (sw.Elapsed > TimeSpan.FromSeconds(60)) throw new TimeoutException("no first screen within 60 s\n" + app.Driver.ToString());
                Thread.Sleep(1);
            }
        }
        finally
        {
            app.End(token);
        }
    }
}
