namespace BatchTui.Cli;

/// <summary>The entry point of every command line: see <see cref="CliApp"/>.</summary>
internal static class CommandRouter
{
    public static Task<int> RunAsync(string[] args) => CliApp.RunAsync(args);
}
