using System.CommandLine;
using System.CommandLine.Invocation;

namespace BatchTui.Cli;

/// <summary>
/// The command line. The first word picks the command; no word (or a flag first) starts the TUI. The commands that
/// came before System.CommandLine (tui, list, create, open, simulate) keep their own parsers and are declared in
/// the tree only for help and completion; every other command is parsed by System.CommandLine (POSIX conventions,
/// generated help, completions; no reflection, so the native build is unaffected). A parse error is exit 2.
/// </summary>
internal static class CliApp
{
    public static Task<int> RunAsync(string[] args) => CliCancellation.RunAsync(ct => RunAsync(args, CliIo.Process(), ct));

    internal static async Task<int> RunAsync(string[] args, CliIo io, CancellationToken ct)
    {
        if (args is ["--help" or "-h" or "-?", ..] or ["help"]) return Usage.Print(io.Out, 0);
        if (args is ["help", var topic, ..]) args = [topic, "--help"];
        if (args is ["__complete", ..]) return CompletionCommand.Complete(Build(io, ct), args[1..], io);
        string verb = args.Length > 0 && !args[0].StartsWith('-') ? args[0] : "";
        string[] rest = verb.Length > 0 ? args[1..] : args;
        switch (verb)
        {
            case "" or "tui": return await TuiCommand.RunAsync(rest);
            case "simulate": return await SimulateCommand.RunAsync(rest);
            case "open": return await OpenCommand.RunAsync(rest);
            case "list": return await ListCommand.RunAsync(rest, io, ct);
            case "create": return await CreateCommand.RunAsync(rest, io, ct);
        }

        RootCommand root = Build(io, ct);
        ParseResult parsed = root.Parse(args);
        if (parsed.Action is ParseErrorAction || (parsed.Errors.Count > 0 && parsed.Action is not System.CommandLine.Help.HelpAction))
        {
            string name = parsed.CommandResult.Command is RootCommand ? "" : " " + parsed.CommandResult.Command.Name;
            foreach (var e in parsed.Errors) io.Err.WriteLine($"batchtui{name}: {CliText.Safe(e.Message)}");
            io.Err.WriteLine($"see batchtui{name} --help");
            return CliExit.Usage;
        }
        return await parsed.InvokeAsync(new InvocationConfiguration
        {
            Output = io.Out,
            Error = io.Err,
            EnableDefaultExceptionHandler = false,
            ProcessTerminationTimeout = null,
        }, ct);
    }

    /// <summary>Every command, for parsing, help and completion.</summary>
    internal static RootCommand Build(CliIo io, CancellationToken ct)
    {
        var config = new CliOptions(io);
        var root = new RootCommand("BatchTui: the Message Batches API from a terminal UI or a script");
        root.Subcommands.Add(GetCommand.Build(config, io, ct));
        root.Subcommands.Add(ResultsCommand.Build(config, io, ct));
        root.Subcommands.Add(StatsCommand.Build(config, io, ct));
        root.Subcommands.Add(ExportCommand.Build(config, io, ct));
        root.Subcommands.Add(ChangeCommand.Build(ChangeCommand.Kind.Cancel, config, io, ct));
        root.Subcommands.Add(ChangeCommand.Build(ChangeCommand.Kind.Delete, config, io, ct));
        root.Subcommands.Add(WatchCommand.Build(config, io, ct));
        root.Subcommands.Add(RetryCommand.Build(config, io, ct));
        root.Subcommands.Add(LabelCommand.Build(LabelCommand.Kind.Label, config, io, ct));
        root.Subcommands.Add(LabelCommand.Build(LabelCommand.Kind.Note, config, io, ct));
        root.Subcommands.Add(CompletionCommand.Build(io));
        foreach (Command legacy in LegacyCommands.Declare(config)) root.Subcommands.Add(legacy);
        return root;
    }
}
