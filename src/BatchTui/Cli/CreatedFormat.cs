using BatchTui.Core.Api;
using BatchTui.Core.Config;

namespace BatchTui.Cli;

/// <summary>
/// <c>--format</c> for the commands that make a batch (create, retry): <c>id</c> (the default: the new id alone, so
/// <c>id=$(batchtui create f --yes)</c> works), <c>json</c>, <c>jsonl</c>, <c>table</c>, <c>auto</c>.
/// </summary>
internal static class CreatedFormat
{
    public static readonly string[] Choices = ["id", "auto", "table", "json", "jsonl"];

    /// <summary>Takes <c>--format X</c> / <c>--format=X</c> out of <paramref name="args"/>.</summary>
    public static List<string> Extract(IReadOnlyList<string> args, out string format)
    {
        format = "id";
        var rest = new List<string>();
        for (int i = 0; i < args.Count; i++)
        {
            string a = args[i];
            if (a == "--format")
            {
                if (i + 1 >= args.Count) throw new ConfigException("--format needs a value (id, auto, table, json or jsonl)");
                format = args[++i];
            }
            else if (a.StartsWith("--format=", StringComparison.Ordinal)) format = a["--format=".Length..];
            else { rest.Add(a); continue; }
            if (!Choices.Contains(format)) throw new ConfigException($"--format '{format}' must be id, auto, table, json or jsonl");
        }
        return rest;
    }

    /// <summary>The printer for <paramref name="format"/>; null for the id alone.</summary>
    public static Action<MessageBatch>? Printer(string format, CliConsole console, CliIo? io)
    {
        if (format == "auto") format = io is { OutIsTerminal: false } ? "json" : "table";
        return format switch
        {
            "json" => b => console.Out.WriteLine(BatchOutput.Json([b.RawJson], indented: true, array: false)),
            "jsonl" => b => console.Out.WriteLine(BatchOutput.Json([b.RawJson], indented: false, array: false)),
            "table" => b => BatchOutput.Row(console.Out, b),
            _ => null,
        };
    }
}
