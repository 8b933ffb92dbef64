namespace BatchTui.Cli;

internal static class Usage
{
    public const string Text = """
        usage: batchtui [flags]                 full-screen UI (built-in simulator when no ANTHROPIC_API_KEY is set)
               batchtui list [flags]            print the newest batches
               batchtui simulate [--port N]     run the Batches API simulator standalone on 127.0.0.1
               batchtui open FILE               browse a local results .jsonl, no API needed
               batchtui create FILE [--yes]     validate a requests .jsonl, preview it and submit it

        config flags (every command):
        """;

    public static int Print(TextWriter to, int exitCode, string? problem = null)
    {
        if (problem is not null) to.WriteLine($"batchtui: {problem}");
        to.WriteLine(Text);
        foreach (string line in BatchTui.Core.Config.ConfigLoader.FlagHelp()) to.WriteLine("  " + line);
        return exitCode;
    }
}
