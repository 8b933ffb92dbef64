using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace BatchTui.Core.Results.Model;

/// <summary>Small, forgiving readers over <see cref="JsonElement"/>: a missing or mistyped field is null, never a throw.</summary>
public static class Json
{
    private static readonly JsonWriterOptions PrettyOptions = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static JsonElement? Prop(this JsonElement e, string name)
    {
        if (e.ValueKind != JsonValueKind.Object) return null;
        JsonElement v = default;
        try
        {
            e.TryGetProperty(name, out v);
        }
        catch (InvalidOperationException)
        {
            // Some key in the object has half a surrogate pair in its escape, and the lookup unescapes every key.
            foreach (JsonProperty p in e.EnumerateObject())
            {
                if (JsonText.NameOf(p) == name) { v = p.Value; break; }
            }
        }
        return v.ValueKind is JsonValueKind.Undefined or JsonValueKind.Null ? null : v;
    }

    /// <summary>The string field <paramref name="name"/>; text that is not valid Unicode comes back with U+FFFD (<see cref="JsonText"/>).</summary>
    public static string? Str(this JsonElement e, string name) => e.Prop(name) is { ValueKind: JsonValueKind.String } v ? JsonText.Of(v) : null;

    /// <summary>A string value, also when it holds a lone surrogate escape (<c>"\ud800"</c>), which
    /// <see cref="JsonElement.GetString"/> refuses: bad text comes back with U+FFFD (<see cref="JsonText"/>).</summary>
    public static string Text(this JsonElement v) => JsonText.Of(v);

    public static long? Long(this JsonElement e, string name) =>
        e.Prop(name) is { ValueKind: JsonValueKind.Number } v && v.TryGetInt64(out long n) ? n : null;

    public static bool? Bool(this JsonElement e, string name) => e.Prop(name) is { } v && v.ValueKind is JsonValueKind.True or JsonValueKind.False ? v.GetBoolean() : null;

    public static IEnumerable<JsonElement> Items(this JsonElement e, string name) =>
        e.Prop(name) is { ValueKind: JsonValueKind.Array } a ? a.EnumerateArray() : [];

    /// <summary>Indented JSON with non-ASCII text kept readable. JSON whose strings are not valid Unicode (half a
    /// surrogate pair in an escape, invalid UTF-8) cannot be re-written: it comes back as it stands in the file, bad
    /// bytes as U+FFFD.</summary>
    public static string Pretty(JsonElement e)
    {
        if (e.ValueKind == JsonValueKind.Undefined) return "";
        try
        {
            return Indent(e);
        }
        catch (Exception ex) when (ex is InvalidOperationException or ArgumentException)
        {
            return Encoding.UTF8.GetString(System.Runtime.InteropServices.JsonMarshal.GetRawUtf8Value(e));
        }
    }

    /// <summary>A whole JSON text indented like <see cref="Pretty(JsonElement)"/>; null, with the reason in
    /// <paramref name="why"/>, when it is not JSON or cannot be re-written (a lone surrogate escape), so the caller can
    /// say so and show it as received.</summary>
    public static string? TryPretty(string text, out string? why)
    {
        try
        {
            using JsonDocument doc = JsonDocument.Parse(text);
            why = null;
            return Indent(doc.RootElement);
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or ArgumentException)
        {
            why = ex.Message;
            return null;
        }
    }

    private static string Indent(JsonElement e)
    {
        using var ms = new MemoryStream();
        using (var w = new Utf8JsonWriter(ms, PrettyOptions)) e.WriteTo(w);
        return Encoding.UTF8.GetString(ms.GetBuffer(), 0, (int)ms.Length);
    }

    /// <summary>The first non-empty line, cut to <paramref name="max"/> columns with an ellipsis (never inside a
    /// grapheme cluster: an emoji cut in half crashed the tree).</summary>
    public static string FirstLine(string? text, int max = 80)
    {
        if (string.IsNullOrEmpty(text)) return "";
        ReadOnlySpan<char> s = text.AsSpan().TrimStart();
        int nl = s.IndexOfAny('\n', '\r');
        if (nl >= 0) s = s[..nl];
        s = s.TrimEnd();
        bool more = nl >= 0 && text.AsSpan().TrimStart().Length > nl + 1;
        if (BatchTui.Core.Text.TextWidth.PrefixLength(s, max, out _) < s.Length) return string.Concat(s[..BatchTui.Core.Text.TextWidth.PrefixLength(s, max - 1, out _)], "…");
        return more ? string.Concat(s, " …") : s.ToString();
    }
}
