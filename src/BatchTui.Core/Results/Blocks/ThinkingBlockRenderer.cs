using BatchTui.Core.Results.Model;
using BatchTui.Core.Text;
using System.Text.Json;

namespace BatchTui.Core.Results.Blocks;

/// <summary><c>thinking</c>: collapsed by default; the signature as its length and first characters only.</summary>
public sealed class ThinkingBlockRenderer : IBlockRenderer
{
    public string Type => "thinking";

    public ResultNode Render(JsonElement block, BlockRenderers registry)
    {
        string thinking = block.Str("thinking") ?? "";
        string signature = block.Str("signature") ?? "";
        string sig = signature.Length == 0 ? "none" : $"{signature.Length} chars, {signature[..Math.Min(12, signature.Length)]}…";
        bool omitted = thinking.Length == 0 && signature.Length > 0;
        string label = omitted ? "thinking (omitted: display \"omitted\", signature only)" : $"thinking ({Units.Plural(thinking.Length, "char")})";
        return new ResultNode("thinking", label, omitted ? "(thinking omitted)" : thinking,
            [new ResultNode("thinking_text", Json.FirstLine(thinking, 90), thinking, copyText: thinking), Nodes.Field("signature", sig)],
            collapsed: true, raw: block, copyText: thinking);
    }
}
