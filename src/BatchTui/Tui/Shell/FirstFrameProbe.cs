using System.Diagnostics;
using System.Globalization;
using Terminal.Gui.App;

namespace BatchTui.Tui.Shell;

/// <summary>
/// For the start-up benchmark (bench/tui): with <c>BATCHTUI_BENCH_FIRST_FRAME=FILE</c> set, the app writes into FILE,
/// when the first frame that shows the root pane's first real screen is drawn (the loaded list; a results file's first
/// rows), the wall clock in Unix nanoseconds (the benchmark
/// subtracts its own stamp taken before exec: a file's mtime is too coarse for a native start) and the milliseconds
/// since process start by the process's own start time; then it quits. Without the variable it does nothing.
/// </summary>
internal static class FirstFrameProbe
{
    public const string Variable = "BATCHTUI_BENCH_FIRST_FRAME";

    public static void Attach(IApplication app, IFirstScreen pane, Action quit)
    {
        string? file = Environment.GetEnvironmentVariable(Variable);
        if (string.IsNullOrEmpty(file)) return;
        bool done = false;
        app.LayoutAndDrawComplete += (_, _) =>
        {
            if (done || !pane.FirstScreenShown) return;
            done = true;
            long unixNs = (DateTime.UtcNow - DateTime.UnixEpoch).Ticks * 100;
            double ms = (DateTime.Now - Process.GetCurrentProcess().StartTime).TotalMilliseconds;
            File.WriteAllText(file, string.Create(CultureInfo.InvariantCulture, $"{unixNs} {ms:0.0}"));
            app.AddTimeout(TimeSpan.Zero, () => { quit(); return false; });
        };
    }
}
