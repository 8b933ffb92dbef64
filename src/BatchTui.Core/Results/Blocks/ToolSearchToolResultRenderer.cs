using BatchTui.Core.Results.Model;
using BatchTui.Core.Text;
using System.Text.Json;

namespace BatchTui.Core.Results.Blocks;

/// <summary><c>tool_search_tool_result</c>: <c>n tools found</c> and their names, or the error.</summary>
public sealed class ToolSearchToolResultRenderer : IBlockRenderer
{
    public string Type => "tool_search_tool_result";

    public ResultNode Render(JsonElement block, BlockRenderers registry)
    {
        string toolUse = block.Str("tool_use_id") ?? "?";
        JsonElement c = block.Prop("content") ?? default;
        if (Nodes.IsError(c))
        {
            ResultNode err = Nodes.Error("tool_search_error", c);
            return new ResultNode(Type, $"tool_search {err.Label}  ({toolUse})", err.Detail, [Nodes.Field("tool_use_id", toolUse), .. err.Children], raw: block);
        }
        var names = c.Items("tool_references").Select(r => r.Str("tool_name") ?? "?").ToList();
        return new ResultNode(Type, $"tool_search: {Units.Plural(names.Count, "tool")} found{(names.Count > 0 ? ": " + string.Join(", ", names.Take(5)) : "")}{(names.Count > 5 ? ", …" : "")}",
            string.Join("\n", names), names.Select(n => Nodes.Field("tool", n)).ToList(), raw: block);
    }
}
