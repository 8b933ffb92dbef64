using BatchTui.Core.Results.Model;
using BatchTui.Core.Text;
using System.Text.Json;

namespace BatchTui.Core.Results.Blocks;

/// <summary><c>compaction</c> (beta): the summary that replaced earlier context; null content means compaction failed.</summary>
public sealed class CompactionBlockRenderer : IBlockRenderer
{
    public string Type => "compaction";

    public ResultNode Render(JsonElement block, BlockRenderers registry)
    {
        string? summary = block.Str("content");
        if (summary is null)
            return new ResultNode(Type, "compaction: failed (no summary)", "Context compaction was attempted and failed: the API returned no summary.", raw: block);
        return new ResultNode(Type, $"compaction summary ({Units.Plural(summary.Length, "char")})", summary,
            [new ResultNode("summary", Json.FirstLine(summary, 90), summary, copyText: summary)], collapsed: true, raw: block, copyText: summary);
    }
}
