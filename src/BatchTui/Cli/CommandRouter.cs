namespace BatchTui.Cli;

/// <summary>
/// The first word picks the command; everything after it is that command's flags. No word (or a flag first) starts
/// the TUI.
/// </summary>
internal static class CommandRouter
{
    public static async Task<int> RunAsync(string[] args)
    {
        if (args is ["--help" or "-h", ..]) return Usage.Print(Console.Out, 0);
        string verb = args.Length > 0 && !args[0].StartsWith('-') ? args[0] : "";
        string[] rest = verb.Length > 0 ? args[1..] : args;
        return verb switch
        {
            "" or "tui" => await TuiCommand.RunAsync(rest),
            "simulate" => await SimulateCommand.RunAsync(rest),
            "list" => await ListCommand.RunAsync(rest),
            "open" => await OpenCommand.RunAsync(rest),
            "create" => await CreateCommand.RunAsync(rest),
            "help" => Usage.Print(Console.Out, 0),
            _ => Usage.Print(Console.Error, 2, $"unknown command '{verb}'"),
        };
    }
}
