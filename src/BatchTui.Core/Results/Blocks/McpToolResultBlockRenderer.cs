using BatchTui.Core.Results.Model;
using System.Text.Json;

namespace BatchTui.Core.Results.Blocks;

/// <summary><c>mcp_tool_result</c> (beta): ok or ERROR and a preview; content is a string or text blocks (with citations).</summary>
public sealed class McpToolResultBlockRenderer : IBlockRenderer
{
    public string Type => "mcp_tool_result";

    public ResultNode Render(JsonElement block, BlockRenderers registry)
    {
        bool isError = block.Bool("is_error") ?? false;
        JsonElement content = block.Prop("content") ?? default;
        var children = new List<ResultNode> { Nodes.Field("tool_use_id", block.Str("tool_use_id")), Nodes.Field("is_error", isError) };
        string text;
        if (content.ValueKind == JsonValueKind.String) text = JsonText.Of(content);
        else
        {
            var blocks = content.ValueKind == JsonValueKind.Array ? content.EnumerateArray().ToList() : [];
            children.AddRange(blocks.Select(registry.Render));
            text = string.Join("\n", blocks.Select(b => b.Str("text")).OfType<string>());
        }
        return new ResultNode(Type, $"mcp_tool_result {(isError ? "ERROR" : "ok")}: {Json.FirstLine(text, 70)}", text, children, raw: block, copyText: text);
    }
}
