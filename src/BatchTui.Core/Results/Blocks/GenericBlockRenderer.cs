using BatchTui.Core.Results.Model;
using System.Text.Json;

namespace BatchTui.Core.Results.Blocks;

/// <summary>Any block this version does not know (or cannot read): its type and its JSON, browsable by field.</summary>
public sealed class GenericBlockRenderer
{
    public ResultNode Render(JsonElement block, BlockRenderers registry, string? note = null)
    {
        string type = block.ValueKind == JsonValueKind.Object ? block.Str("type") ?? "(no type)" : block.ValueKind.ToString().ToLowerInvariant();
        string label = $"{type}: {(note ?? "unknown block type, shown as JSON")}";
        return new ResultNode("json", label, Json.Pretty(block), () => Nodes.JsonChildren(block), collapsed: true, raw: block);
    }
}
