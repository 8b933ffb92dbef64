using BatchTui.Core.Results.Model;
using System.Text.Json;

namespace BatchTui.Core.Results.Blocks;

/// <summary>One citation of a text block: its type, locator and quoted cited_text.</summary>
public static class Citations
{
    public static ResultNode Render(JsonElement c, int number)
    {
        string type = c.Str("type") ?? "(no type)";
        string cited = c.Str("cited_text") ?? "";
        string locator = Locator(c, type);
        var children = new List<ResultNode> { Nodes.Field("type", type), Nodes.Field("where", locator) };
        if (c.Str("document_title") is { } title) children.Add(Nodes.Field("document", title));
        if (c.Str("file_id") is { } file) children.Add(Nodes.Field("file_id", file));
        if (c.Str("encrypted_index") is { } enc) children.Add(Nodes.Field("encrypted_index", $"{enc.Length} chars"));
        children.Add(new ResultNode("cited_text", $"“{Json.FirstLine(cited, 90)}”", cited, copyText: cited));
        return new ResultNode("citation", $"[{number}] {type} · {locator} · “{Json.FirstLine(cited, 50)}”",
            $"{locator}\n\n“{cited}”", children, collapsed: true, raw: c, copyText: cited);
    }

    /// <summary>chars a–b / pp. a–b / blocks a–b / url + title / source + result #.</summary>
    public static string Locator(JsonElement c, string type)
    {
        string doc = c.Long("document_index") is { } d ? $"doc {d}" : "";
        string title = c.Str("document_title") is { } t ? $" “{Json.FirstLine(t, 40)}”" : "";
        return type switch
        {
            "char_location" => $"{doc}{title} chars {c.Long("start_char_index")}–{c.Long("end_char_index")}",
            "page_location" => $"{doc}{title} pp. {c.Long("start_page_number")}–{c.Long("end_page_number")}",
            "content_block_location" => $"{doc}{title} blocks {c.Long("start_block_index")}–{c.Long("end_block_index")}",
            "web_search_result_location" => $"{c.Str("url")}{(c.Str("title") is { } wt ? $" “{Json.FirstLine(wt, 40)}”" : "")}",
            "search_result_location" =>
                $"{c.Str("source")} result #{c.Long("search_result_index")}{(c.Str("title") is { } st ? $" “{Json.FirstLine(st, 40)}”" : "")} blocks {c.Long("start_block_index")}–{c.Long("end_block_index")}",
            _ => "unknown citation type",
        };
    }
}
