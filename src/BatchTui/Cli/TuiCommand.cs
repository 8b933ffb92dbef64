
using BatchTui.Core.Api;
using BatchTui.Core.Config;
using BatchTui.Core.Labels;
using BatchTui.Core.Results.Store;
using BatchTui.Core.State;
using BatchTui.Core.Text;
using BatchTui.Hosting;
using BatchTui.Tui.Editor;
using BatchTui.Tui.Results;
using BatchTui.Tui.Shell;
using BatchTui.Tui.Widgets;

namespace BatchTui.Cli;

/// <summary>
/// <c>batchtui</c> / <c>batchtui tui</c>: the full-screen UI. Configuration comes from the usual layers (flags &gt;
/// environment &gt; config file &gt; defaults); with no key it runs on the embedded simulator and the header says so.
/// The theme: <c>--theme</c>, else <c>NO_COLOR</c> picks mono, else the configured one.
/// </summary>
internal static class TuiCommand
{
    public static async Task<int> RunAsync(string[] args)
    {
        BatchTuiOptions options;
        try
        {
            ConfigLoadResult loaded = ConfigLoader.Load(args);
            options = loaded.Options;
            if (loaded.Rest.Count > 0) return Usage.Print(Console.Error, 2, $"unknown argument '{loaded.Rest[0]}'");
        }
        catch (ConfigException e)
        {
            Console.Error.WriteLine($"batchtui: {UntrustedText.ForTerminal(e.Message)}");
            return 2;
        }

        bool themeFlag = args.Any(a => a == "--theme" || a.StartsWith("--theme=", StringComparison.Ordinal));
        bool noColor = !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NO_COLOR"));
        string? theme = themeFlag || !noColor ? options.Theme : null;
        if (theme is not null && ThemeCatalog.Normalize(theme) is null)
        {
            Console.Error.WriteLine($"batchtui: unknown theme '{theme}' (themes: {string.Join(", ", ThemeCatalog.Names)})");
            return 2;
        }
        if (!HasTerminal())
        {
            Console.Error.WriteLine("batchtui: the UI needs a terminal; try 'batchtui list'");
            return 2;
        }
        TuiWarmup.Begin(theme, noColor); // on the other core, while this one opens the connection

        var tui = new TuiOptions(options.PageSize, options.RefreshSeconds, theme, noColor, options.Notify,
            Tmux: !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("TMUX")));
        StatsPrices.Current = options.Prices;
        // P switches profiles in place: each is resolved from these same arguments with its own --profile.
        CrashLog crashes = CrashLog.Default(options.ApiKey);
        await using var sessions = new TuiSessions(new ProfileCatalog(args, ConfigLoader.ProcessEnvironment()), tui, crashes: crashes);
        TuiSessions.Opened opened;
        try
        {
            opened = await sessions.OpenAsync(options, CancellationToken.None);
        }
        catch (Exception e) when (e is BatchApiException or IOException or ArgumentException or InvalidOperationException)
        {
            Console.Error.WriteLine($"batchtui: cannot open the connection: {UntrustedText.ForTerminal(e.Message)}");
            return 1;
        }
        return TuiApp.Run(opened.Api, opened.Info, tui, opened.Panes, crashes);
    }

    // With no controlling terminal at all (cron, CI, setsid) Terminal.Gui would run blind and never exit.
    private static bool HasTerminal()
    {
        if (!Console.IsInputRedirected || !Console.IsOutputRedirected) return true;
        if (OperatingSystem.IsWindows()) return true;
        try
        {
            using var tty = new FileStream("/dev/tty", FileMode.Open, FileAccess.Read);
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }
}
