using System.CommandLine;

namespace BatchTui.Cli;

/// <summary>
/// tui, list, create, open and simulate as System.CommandLine knows them: only for the root help and completion.
/// They run on their own parsers (see <see cref="CliApp"/>), unchanged, so scripts written for them keep working.
/// </summary>
internal static class LegacyCommands
{
    public static IEnumerable<Command> Declare(CliOptions config)
    {
        var tui = new Command("tui", "the full-screen UI (also: batchtui with no command)");
        config.AddTo(tui);
        yield return tui;

        var list = new Command("list", "print one page of batches, newest first (table on a terminal, JSON when piped)")
        {
            new Option<string>("--limit") { HelpName = "N" },
            new Option<string>("--after") { HelpName = "ID" },
            new Option<string>("--before") { HelpName = "ID" },
            new Option<bool>("--json"),
            CliOptions.Format("auto", "table", "json", "jsonl"),
        };
        config.AddTo(list);
        yield return list;

        var create = new Command("create", "validate a requests .jsonl, preview it, confirm and submit it; prints the new id")
        {
            new Argument<string>("FILE"),
            new Option<bool>("--yes", "-y"),
            new Option<string>("--label") { HelpName = "NAME" },
            FormatOf(CreatedFormat.Choices),
        };
        config.AddTo(create);
        yield return create;

        yield return new Command("open", "browse a local results .jsonl, no API needed") { new Argument<string>("FILE"), new Option<bool>("--summary") };

        var simulate = new Command("simulate", "run the Batches API simulator standalone on 127.0.0.1");
        foreach (string flag in new[] { "--port", "--key", "--key-env", "--seed", "--speed", "--chaos" })
            simulate.Options.Add(new Option<string>(flag));
        foreach (string flag in new[] { "--no-seed-world", "--no-large-batch", "--strict-namespaces", "--quiet" })
            simulate.Options.Add(new Option<bool>(flag));
        yield return simulate;
    }

    private static Option<string> FormatOf(string[] choices)
    {
        var o = new Option<string>("--format");
        o.AcceptOnlyFromAmong(choices);
        return o;
    }
}
