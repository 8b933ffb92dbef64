using BatchTui.Core.Config;
using BatchTui.Core.Input;
using BatchTui.Core.Results.Index;
using BatchTui.Core.Results.Query;
using BatchTui.Core.State;
using BatchTui.Core.Text;
using BatchTui.Tui.Editor;
using BatchTui.Tui.Results;
using BatchTui.Tui.Shell;
using Terminal.Gui.App;
using Terminal.Gui.Drivers;

namespace BatchTui.Cli;

/// <summary>
/// <c>batchtui open FILE</c>: browse a local results .jsonl with no API at all. <c>--summary</c> prints the summary
/// (counts, tokens, histograms, unparseable lines) without the UI, for scripts and for terminals without a tty.
/// </summary>
internal static class OpenCommand
{
    public static async Task<int> RunAsync(string[] args)
    {
        bool summary = args.Contains("--summary");
        string[] files = args.Where(a => !a.StartsWith("--", StringComparison.Ordinal)).ToArray();
        if (files.Length != 1)
        {
            Console.Error.WriteLine("usage: batchtui open FILE.jsonl [--summary]");
            return 2;
        }
        // A pipe, FIFO or device is streamed to a private temp file first (the index reads by offset), with caps.
        LocalResultsFile input;
        try
        {
            input = await LocalResultsFile.OpenAsync(files[0]);
        }
        catch (IOException e)
        {
            Console.Error.WriteLine($"batchtui open: {UntrustedText.ForTerminal(e.Message)}");
            return 1;
        }
        using (input)
        {
            if (summary) return PrintSummary(input.Path);

            await Task.Yield();
            bool noColor = !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NO_COLOR"));
            TuiWarmup.Begin(theme: null, noColor);
            // The index pass starts now, on its own thread, while this one sets up the terminal: the first rows are in
            // by the first frame. (Should it fail to open, the pane tries again and says why.)
            using var stop = new CancellationTokenSource();
            ResultsIndex? indexing = null;
            try { indexing = ResultsIndex.Open(input.Path, stop.Token); }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException) { }
            // Prices for the stats pane: the config file's, when it reads (open itself needs no config). Read off the
            // first frame's path: only `%` needs them.
            _ = Task.Run(() =>
            {
                try { StatsPrices.Current = ConfigLoader.Load([], ConfigLoader.ProcessEnvironment()).Options.Prices; }
                catch (ConfigException) { }
            });
            var crashes = CrashLog.Default(key: null);
            string? title = input.IsCopy ? input.Source : null;
            // The app's own shell (header naming the file, help, prompts); NO_COLOR picks the mono theme as in the app.
            var options = new TuiOptions(NoColor: noColor);
            try
            {
                return TuiApp.RunWith(ShellInfo.ForFile(title ?? Path.GetFileName(input.Path)), options,
                    shell => ResultsPane.ForFile(shell, input.Path, title, indexing), crashes);
            }
            finally
            {
                stop.Cancel();
            }
        }
    }

    private static int PrintSummary(string path)
    {
        try
        {
            using ResultsIndex index = ResultsIndex.Build(path);
            ResultsSummary s = ResultsSummary.Of(index);
            // stop_reason, error types and problems quote the file: sanitised, one line each.
            foreach (string line in s.Lines()) Console.WriteLine(UntrustedText.ForTerminal(line));
            for (int r = 0; r < index.Count; r++)
                if (index.Problem(r) is { } p) Console.WriteLine(UntrustedText.ForTerminal(p));
            if (index.EndsMidLine) Console.WriteLine("the file ends mid-line (half-downloaded?)");
            return s.Unparseable > 0 ? 3 : 0;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine($"batchtui open: {UntrustedText.ForTerminal(e.Message)}");
            return 1;
        }
    }
}
