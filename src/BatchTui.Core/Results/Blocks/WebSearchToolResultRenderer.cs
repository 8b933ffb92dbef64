using BatchTui.Core.Results.Model;
using BatchTui.Core.Text;
using System.Text.Json;

namespace BatchTui.Core.Results.Blocks;

/// <summary><c>web_search_tool_result</c>: <c>n results</c> or <c>error: code</c>; each result's title, url, page age.</summary>
public sealed class WebSearchToolResultRenderer : IBlockRenderer
{
    public string Type => "web_search_tool_result";

    public ResultNode Render(JsonElement block, BlockRenderers registry)
    {
        string toolUse = block.Str("tool_use_id") ?? "?";
        JsonElement content = block.Prop("content") ?? default;
        if (content.ValueKind == JsonValueKind.Object && Nodes.IsError(content))
        {
            ResultNode err = Nodes.Error("web_search_error", content);
            return new ResultNode(Type, $"web_search result {err.Label}  ({toolUse})", err.Detail, [Nodes.Field("tool_use_id", toolUse), .. err.Children], raw: block);
        }
        var results = content.ValueKind == JsonValueKind.Array ? content.EnumerateArray().ToList() : [];
        var children = results.Select((r, i) =>
        {
            string title = r.Str("title") ?? "(untitled)";
            string url = r.Str("url") ?? "";
            string age = r.Str("page_age") is { } a ? $" · {a}" : "";
            int enc = (r.Str("encrypted_content") ?? "").Length;
            return new ResultNode("web_search_result", $"{i + 1}. {Json.FirstLine(title, 50)} — {url}{age}", $"{title}\n{url}{age}\nencrypted_content: {enc} chars",
                [Nodes.Field("title", title), Nodes.Field("url", url), Nodes.Field("page_age", r.Str("page_age")), Nodes.Field("encrypted_content", $"{enc} chars")],
                collapsed: true, raw: r, copyText: url);
        }).ToList();
        string detail = string.Join("\n", results.Select(r => $"{r.Str("title")}  {r.Str("url")}"));
        return new ResultNode(Type, $"web_search result: {Units.Plural(results.Count, "result")}{Nodes.CallerBadge(block)}  ({toolUse})", detail, children, raw: block);
    }
}
