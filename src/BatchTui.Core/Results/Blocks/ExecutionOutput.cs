using BatchTui.Core.Results.Model;
using BatchTui.Core.Text;
using System.Text.Json;

namespace BatchTui.Core.Results.Blocks;

/// <summary>What code execution and bash results share: return code, stdout, stderr, output files.</summary>
internal static class ExecutionOutput
{
    public static ResultNode Render(string type, string prefix, JsonElement block)
    {
        string toolUse = block.Str("tool_use_id") ?? "?";
        JsonElement content = block.Prop("content") ?? default;
        if (Nodes.IsError(content))
        {
            ResultNode err = Nodes.Error(type + "_error", content);
            return new ResultNode(type, $"{prefix} {err.Label}  ({toolUse})", err.Detail, [Nodes.Field("tool_use_id", toolUse), .. err.Children], raw: block);
        }
        bool encrypted = content.Str("type")?.StartsWith("encrypted", StringComparison.Ordinal) == true || content.Prop("encrypted_stdout") is not null;
        string stdout = encrypted ? "" : content.Str("stdout") ?? "";
        string stderr = content.Str("stderr") ?? "";
        long rc = content.Long("return_code") ?? -1;
        var files = content.Items("content").Select(f => f.Str("file_id")).OfType<string>().ToList();
        string first = encrypted ? "(stdout encrypted)" : Json.FirstLine(stdout.Length > 0 ? stdout : stderr, 60);
        var children = new List<ResultNode> { Nodes.Field("tool_use_id", toolUse), Nodes.Field("return_code", rc) };
        children.Add(encrypted
            ? new ResultNode("stdout", $"stdout: encrypted ({(content.Str("encrypted_stdout") ?? "").Length} chars)", "The stdout of this run is encrypted by the API and cannot be shown.")
            : new ResultNode("stdout", $"stdout: {Json.FirstLine(stdout, 70)}", stdout, copyText: stdout));
        if (stderr.Length > 0) children.Add(new ResultNode("stderr", $"stderr: {Json.FirstLine(stderr, 70)}", stderr, copyText: stderr));
        foreach (string f in files) children.Add(Nodes.Field("output file", f));
        string detail = encrypted ? $"exit {rc}\nstdout: (encrypted)\n{stderr}" : $"exit {rc}\n{stdout}{(stderr.Length > 0 ? "\n--- stderr ---\n" + stderr : "")}";
        string filesNote = files.Count > 0 ? $" +{Units.Plural(files.Count, "file")}" : "";
        return new ResultNode(type, $"{prefix} exit {rc}: {first}{filesNote}", detail, children, raw: block, copyText: encrypted ? stderr : stdout);
    }
}
