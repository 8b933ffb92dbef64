using BatchTui.Core.Results.Model;
using BatchTui.Core.Text;
using System.Text.Json;

namespace BatchTui.Core.Results.Blocks;

/// <summary><c>text_editor_code_execution_tool_result</c>: view (file body), create, str_replace (diff hunk), error.</summary>
public sealed class TextEditorCodeExecutionToolResultRenderer : IBlockRenderer
{
    public string Type => "text_editor_code_execution_tool_result";

    public ResultNode Render(JsonElement block, BlockRenderers registry)
    {
        string toolUse = block.Str("tool_use_id") ?? "?";
        JsonElement c = block.Prop("content") ?? default;
        string kind = c.Str("type") ?? "";
        var children = new List<ResultNode> { Nodes.Field("tool_use_id", toolUse) };
        if (Nodes.IsError(c))
        {
            ResultNode err = Nodes.Error("text_editor_error", c);
            return new ResultNode(Type, $"text_editor {err.Label}  ({toolUse})", err.Detail, [.. children, .. err.Children], raw: block);
        }
        if (kind.EndsWith("view_result", StringComparison.Ordinal))
        {
            string body = c.Str("content") ?? "";
            string fileType = c.Str("file_type") ?? "text";
            string range = c.Long("start_line") is { } s ? $" lines {s}–{s + (c.Long("num_lines") ?? 0) - 1}" : "";
            string total = c.Long("total_lines") is { } t ? $" of {t}" : "";
            children.Add(Nodes.Field("file_type", fileType));
            children.Add(new ResultNode("file", $"content: {Json.FirstLine(body, 70)}", body, copyText: body));
            return new ResultNode(Type, $"text_editor view: {fileType}{range}{total}", body, children, raw: block, copyText: body);
        }
        if (kind.EndsWith("create_result", StringComparison.Ordinal))
        {
            bool update = c.Bool("is_file_update") ?? false;
            children.Add(Nodes.Field("is_file_update", update));
            return new ResultNode(Type, $"text_editor create: {(update ? "file updated" : "file created")}", null, children, raw: block);
        }
        if (kind.EndsWith("str_replace_result", StringComparison.Ordinal))
        {
            var lines = c.Items("lines").Select(l => l.ValueKind == JsonValueKind.String ? JsonText.Of(l) : l.GetRawText()).ToList();
            string hunk = $"@@ -{c.Long("old_start")},{c.Long("old_lines")} +{c.Long("new_start")},{c.Long("new_lines")} @@";
            string diff = hunk + "\n" + string.Join("\n", lines);
            children.Add(new ResultNode("diff", hunk, diff, copyText: diff));
            return new ResultNode(Type, $"text_editor str_replace: {hunk} ({Units.Plural(lines.Count, "line")})", diff, children, raw: block, copyText: diff);
        }
        return new GenericBlockRenderer().Render(block, registry, $"text_editor result of unknown kind {kind}");
    }
}
