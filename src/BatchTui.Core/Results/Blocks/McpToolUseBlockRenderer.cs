using BatchTui.Core.Results.Model;
using System.Text.Json;

namespace BatchTui.Core.Results.Blocks;

/// <summary><c>mcp_tool_use</c> (beta): <c>server.tool</c> and its input.</summary>
public sealed class McpToolUseBlockRenderer : IBlockRenderer
{
    public string Type => "mcp_tool_use";

    public ResultNode Render(JsonElement block, BlockRenderers registry)
    {
        string server = block.Str("server_name") ?? "?";
        string name = block.Str("name") ?? "?";
        JsonElement input = block.Prop("input") ?? default;
        var children = new List<ResultNode> { Nodes.Field("id", block.Str("id")), Nodes.Field("server_name", server), Nodes.Field("name", name) };
        string pretty = input.ValueKind == JsonValueKind.Undefined ? "{}" : Json.Pretty(input);
        if (input.ValueKind != JsonValueKind.Undefined) children.Add(Nodes.JsonValue("input", input));
        return new ResultNode(Type, $"mcp_tool_use → {server}.{name}  {block.Str("id")}", pretty, children, raw: block, copyText: pretty);
    }
}
