using BatchTui.Core.Results.Model;
using BatchTui.Core.Text;
using System.Text.Json;

namespace BatchTui.Core.Results.Blocks;

/// <summary><c>web_fetch_tool_result</c>: url and retrieval time, or the error; the document's title, type and text.</summary>
public sealed class WebFetchToolResultRenderer : IBlockRenderer
{
    public string Type => "web_fetch_tool_result";

    public ResultNode Render(JsonElement block, BlockRenderers registry)
    {
        string toolUse = block.Str("tool_use_id") ?? "?";
        JsonElement content = block.Prop("content") ?? default;
        if (Nodes.IsError(content))
        {
            ResultNode err = Nodes.Error("web_fetch_error", content);
            return new ResultNode(Type, $"web_fetch result {err.Label}  ({toolUse})", err.Detail, [Nodes.Field("tool_use_id", toolUse), .. err.Children], raw: block);
        }
        string url = content.Str("url") ?? "?";
        string when = content.Str("retrieved_at") is { } r ? $" (retrieved {r})" : "";
        JsonElement doc = content.Prop("content") ?? default;
        JsonElement source = doc.Prop("source") ?? default;
        string media = source.Str("media_type") ?? source.Str("type") ?? "?";
        string? title = doc.Str("title");
        string? text = source.Str("type") == "text" ? source.Str("data") : null;
        string body = text ?? (source.Str("data") is { } b64 ? $"({media}, {Units.Bytes(b64.Length * 3L / 4)} base64)" : "(no document)");
        var children = new List<ResultNode> { Nodes.Field("tool_use_id", toolUse), Nodes.Field("url", url) };
        if (content.Str("retrieved_at") is { } at) children.Add(Nodes.Field("retrieved_at", at));
        if (title is not null) children.Add(Nodes.Field("title", title));
        children.Add(Nodes.Field("media_type", media));
        children.Add(new ResultNode("document", text is null ? body : $"document text: {Json.FirstLine(text, 70)}", body, copyText: text ?? body));
        return new ResultNode(Type, $"web_fetch result: {url}{when}{Nodes.CallerBadge(block)}", $"{title}\n{url}\n\n{body}".TrimStart(), children, raw: block, copyText: text ?? url);
    }
}
