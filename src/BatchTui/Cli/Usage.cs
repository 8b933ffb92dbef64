namespace BatchTui.Cli;

internal static class Usage
{
    public const string Text = """
        usage: batchtui [flags]                        full-screen UI (built-in simulator when no ANTHROPIC_API_KEY is set)
               batchtui list [--format F] [--limit N] [--after ID | --before ID]
                                                       one page of batches, newest first
               batchtui get ID… [--format F]           status, the five timestamps and counts of each batch
               batchtui results ID [--type T] [--custom-id GLOB] [--stop-reason X] [--error-type X]
                                   [--format auto|jsonl|json|csv|text|table|parquet] [-o FILE]
                                                       a batch's results, streamed through the local cache
               batchtui stats ID|FILE [--format table|json] counts, histograms, tokens and cost of the results
               batchtui export --cached DIR            every cached batch as a Parquet dataset (DIR/batch_id=ID/)
               batchtui watch ID… [--timeout 2h] [--interval 5s] [--notify]
                                                       follow batches until they end; the exit code says how
               batchtui cancel ID… [--yes]             cancel running batches (asks on a terminal)
               batchtui delete ID… [--yes]             delete ended batches (asks on a terminal)
               batchtui create FILE [--yes] [--label NAME] [--format id|json|…]
                                                       validate a requests .jsonl, preview it and submit it
               batchtui label ID [TEXT | --clear]      a batch's local label (print, set, clear); note ID … its note
               batchtui retry ID [--yes] [--from FILE] the errored and expired requests of an ended batch, as a new batch
               batchtui open FILE [--summary]          browse a local results .jsonl, no API needed
               batchtui simulate [--port N]            run the Batches API simulator standalone on 127.0.0.1
               batchtui completion bash|zsh|fish       shell completion script
               batchtui COMMAND --help                 the command's own flags

        --format auto|table|json|jsonl on every command that prints data: auto is a table on a terminal and JSON
        when piped. stdout holds the data only; the connection line, progress and every diagnostic go to stderr.

        exit codes (every command):
        """;

    public static int Print(TextWriter to, int exitCode, string? problem = null)
    {
        if (problem is not null) to.WriteLine($"batchtui: {problem}");
        to.WriteLine(Text);
        foreach (string line in CliExit.Table()) to.WriteLine(line);
        to.WriteLine();
        to.WriteLine("config flags (every command that talks to the API):");
        foreach (string line in BatchTui.Core.Config.ConfigLoader.FlagHelp()) to.WriteLine("  " + line);
        return exitCode;
    }
}
