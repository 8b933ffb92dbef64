using BatchTui.Core.Results.Model;
using System.Text.Json;

namespace BatchTui.Core.Results.Blocks;

/// <summary><c>tool_use</c>: <c>→ name(id)</c> with the input's keys; pretty input and caller expanded.</summary>
public sealed class ToolUseBlockRenderer : IBlockRenderer
{
    public string Type => "tool_use";

    public ResultNode Render(JsonElement block, BlockRenderers registry)
    {
        string name = block.Str("name") ?? "?";
        string id = block.Str("id") ?? "?";
        JsonElement? input = block.Prop("input");
        string keys = input is { ValueKind: JsonValueKind.Object } o ? string.Join(", ", o.EnumerateObject().Select(JsonText.NameOf)) : "";
        var children = new List<ResultNode> { Nodes.Field("id", id), Nodes.Field("name", name) };
        if (Nodes.Caller(block) is { } caller) children.Add(caller);
        if (input is { } i) children.Add(Nodes.JsonValue("input", i));
        string pretty = input is { } inp ? Json.Pretty(inp) : "{}";
        return new ResultNode("tool_use", $"tool_use → {name}({keys}){Nodes.CallerBadge(block)}  {id}", pretty, children, raw: block, copyText: pretty);
    }
}
