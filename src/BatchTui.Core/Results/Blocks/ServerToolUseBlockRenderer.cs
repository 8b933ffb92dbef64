using BatchTui.Core.Results.Model;
using System.Text.Json;

namespace BatchTui.Core.Results.Blocks;

/// <summary><c>server_tool_use</c>: the server tool and its main argument (query, url, command, path, pattern).</summary>
public sealed class ServerToolUseBlockRenderer : IBlockRenderer
{
    private static readonly string[] MainArguments = ["query", "url", "command", "code", "path", "pattern", "regex"];

    public string Type => "server_tool_use";

    public ResultNode Render(JsonElement block, BlockRenderers registry)
    {
        string name = block.Str("name") ?? "?";
        JsonElement input = block.Prop("input") ?? default;
        string main = "";
        if (input.ValueKind == JsonValueKind.Object)
        {
            if (name.StartsWith("text_editor", StringComparison.Ordinal) && input.Str("command") is { } cmd)
                main = $"{cmd} {input.Str("path")}".TrimEnd();
            else foreach (string arg in MainArguments)
            {
                if (input.Str(arg) is { } v) { main = $"{(arg is "command" or "code" ? "$ " : "")}{Json.FirstLine(v, 70)}"; break; }
            }
            if (main.Length == 0) main = string.Join(", ", input.EnumerateObject().Select(JsonText.NameOf));
        }
        var children = new List<ResultNode> { Nodes.Field("id", block.Str("id")), Nodes.Field("name", name) };
        if (Nodes.Caller(block) is { } caller) children.Add(caller);
        if (input.ValueKind != JsonValueKind.Undefined) children.Add(Nodes.JsonValue("input", input));
        string pretty = input.ValueKind != JsonValueKind.Undefined ? Json.Pretty(input) : "{}";
        return new ResultNode("server_tool_use", $"server_tool_use {name}: {main}{Nodes.CallerBadge(block)}", pretty, children, raw: block, copyText: pretty);
    }
}
