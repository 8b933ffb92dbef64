using System.Diagnostics;
using System.Globalization;
using BatchTui.Tui.Panes;
using Terminal.Gui.App;

namespace BatchTui.Tui.App;

/// <summary>
/// For the start-up benchmark (bench/tui): with <c>BATCHTUI_BENCH_FIRST_FRAME=FILE</c> set, the app writes the
/// milliseconds from process start to the first frame that shows the loaded list into FILE, then quits.
/// Without the variable it does nothing.
/// </summary>
internal static class FirstFrameProbe
{
    public const string Variable = "BATCHTUI_BENCH_FIRST_FRAME";

    public static void Attach(IApplication app, BatchesPane pane, AppShell shell)
    {
        string? file = Environment.GetEnvironmentVariable(Variable);
        if (string.IsNullOrEmpty(file)) return;
        bool done = false;
        app.LayoutAndDrawComplete += (_, _) =>
        {
            if (done || !pane.Model.State.Loaded) return;
            done = true;
            double ms = (DateTime.Now - Process.GetCurrentProcess().StartTime).TotalMilliseconds;
            File.WriteAllText(file, ms.ToString("0.0", CultureInfo.InvariantCulture));
            app.AddTimeout(TimeSpan.Zero, () => { shell.Quit(); return false; });
        };
    }
}
