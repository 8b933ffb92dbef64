using BatchTui.Core.Results.Model;
using BatchTui.Core.Text;
using System.Text.Json;

namespace BatchTui.Core.Results.Blocks;

/// <summary><c>redacted_thinking</c>: opaque, encrypted by the API: only its size is shown, never decoded.</summary>
public sealed class RedactedThinkingBlockRenderer : IBlockRenderer
{
    public string Type => "redacted_thinking";

    public ResultNode Render(JsonElement block, BlockRenderers registry)
    {
        int n = (block.Str("data") ?? "").Length;
        return new ResultNode("redacted_thinking", $"redacted thinking [{Units.Bytes(n)} of encrypted data]",
            "The model's thinking here was flagged and encrypted by the API. It is passed back to the API as-is in a follow-up turn; it cannot be read.",
            collapsed: true, raw: block);
    }
}
