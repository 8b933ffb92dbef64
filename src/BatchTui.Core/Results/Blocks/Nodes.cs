using BatchTui.Core.Results.Model;
using BatchTui.Core.Text;
using System.Text.Json;

namespace BatchTui.Core.Results.Blocks;

/// <summary>Shared node shapes for the renderers.</summary>
public static class Nodes
{
    /// <summary>A <c>name: value</c> leaf.</summary>
    public static ResultNode Field(string name, object? value) => new("field", $"{name}: {Format(value)}", copyText: Format(value));

    /// <summary>A node whose expanded view is pretty JSON of <paramref name="value"/>.</summary>
    public static ResultNode JsonValue(string label, JsonElement value, bool collapsed = false) =>
        new("json", label, Json.Pretty(value), () => JsonChildren(value), collapsed, value);

    /// <summary>One level of an object or array as child nodes (deeper levels appear as they are expanded).</summary>
    public static IReadOnlyList<ResultNode> JsonChildren(JsonElement value)
    {
        var list = new List<ResultNode>();
        if (value.ValueKind == JsonValueKind.Object)
        {
            foreach (JsonProperty p in value.EnumerateObject()) list.Add(Member(JsonText.NameOf(p), p.Value));
        }
        else if (value.ValueKind == JsonValueKind.Array)
        {
            int i = 0;
            foreach (JsonElement item in value.EnumerateArray()) list.Add(Member($"[{i++}]", item));
        }
        return list;
    }

    private static ResultNode Member(string name, JsonElement v) => v.ValueKind switch
    {
        JsonValueKind.Object => JsonValue($"{name}: {{{Units.Plural(v.EnumerateObject().Count(), "field")}}}", v, collapsed: true),
        JsonValueKind.Array => JsonValue($"{name}: [{Units.Plural(v.GetArrayLength(), "item")}]", v, collapsed: true),
        JsonValueKind.String => StringMember(name, JsonText.Of(v)),
        _ => new ResultNode("field", $"{name}: {v.GetRawText()}", copyText: v.GetRawText()),
    };

    private static ResultNode StringMember(string name, string s) => new("field", $"{name}: {Quote(s)}", s, copyText: s);

    /// <summary>"caller: code_execution_20250825 (srvtoolu_…)" when a tool was called by code, nothing when direct.</summary>
    public static string CallerBadge(JsonElement block)
    {
        if (block.Prop("caller") is not { } c) return "";
        string? type = c.Str("type");
        if (type is null or "direct") return "";
        string? tool = c.Str("tool_id");
        return tool is null ? $" [via {type}]" : $" [via {type} {tool}]";
    }

    public static ResultNode? Caller(JsonElement block)
    {
        if (block.Prop("caller") is not { } c) return null;
        string type = c.Str("type") ?? "?";
        string? tool = c.Str("tool_id");
        return Field("caller", tool is null ? type : $"{type} (tool_id {tool})");
    }

    public static string Quote(string? s) => s is null ? "null" : $"\"{Json.FirstLine(s, 70).TrimEnd('…', ' ')}{(Json.FirstLine(s, 70) != s ? "…" : "")}\"";

    private static string Format(object? v) => v switch
    {
        null => "null",
        string s => s,
        bool b => b ? "true" : "false",
        long or int => $"{v:N0}",
        _ => v.ToString() ?? "",
    };

    /// <summary>A tool-result error variant: <c>error: max_uses_exceeded</c> with its message when given.</summary>
    public static ResultNode Error(string kind, JsonElement content)
    {
        string code = content.Str("error_code") ?? "unknown";
        string? message = content.Str("error_message");
        return new ResultNode(kind, $"error: {code}{(message is null ? "" : " — " + Json.FirstLine(message, 60))}", message,
            [Field("error_code", code), .. message is null ? Array.Empty<ResultNode>() : [Field("error_message", message)]], raw: content);
    }

    public static bool IsError(JsonElement content) => content.Str("type") is { } t && t.EndsWith("_error", StringComparison.Ordinal);
}
