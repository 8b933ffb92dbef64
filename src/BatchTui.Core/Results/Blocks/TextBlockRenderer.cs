using BatchTui.Core.Results.Model;
using BatchTui.Core.Text;
using System.Text.Json;

namespace BatchTui.Core.Results.Blocks;

/// <summary><c>text</c>: the first line collapsed with a citation count; the full text expanded, citations as children.</summary>
public sealed class TextBlockRenderer : IBlockRenderer
{
    public string Type => "text";

    public ResultNode Render(JsonElement block, BlockRenderers registry)
    {
        string text = block.Str("text") ?? "";
        var citations = block.Items("citations").ToList();
        string cites = citations.Count > 0 ? $" [{Units.Plural(citations.Count, "cite")}]" : "";
        return new ResultNode("text", $"text: {Json.FirstLine(text)}{cites}", text,
            () => citations.Select((c, i) => Citations.Render(c, i + 1)).ToList(), raw: block, copyText: text);
    }
}
