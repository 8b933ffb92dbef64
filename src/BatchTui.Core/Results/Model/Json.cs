using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace BatchTui.Core.Results.Model;

/// <summary>Small, forgiving readers over <see cref="JsonElement"/>: a missing or mistyped field is null, never a throw.</summary>
public static class Json
{
    private static readonly JsonWriterOptions PrettyOptions = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static JsonElement? Prop(this JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out JsonElement v) && v.ValueKind != JsonValueKind.Null ? v : null;

    public static string? Str(this JsonElement e, string name) => e.Prop(name) is { ValueKind: JsonValueKind.String } v ? v.Text() : null;

    /// <summary>
    /// A string value, also when it holds a lone surrogate escape (<c>"\ud800"</c>), which <see cref="JsonElement.GetString"/>
    /// refuses with an exception: the escapes are decoded by hand and the lone surrogate kept, for the sanitiser to show
    /// as U+FFFD.
    /// </summary>
    public static string Text(this JsonElement v)
    {
        try
        {
            return v.GetString() ?? "";
        }
        catch (InvalidOperationException)
        {
            return Unescape(v.GetRawText());
        }
    }

    private static string Unescape(string literal)
    {
        ReadOnlySpan<char> s = literal.AsSpan().Trim('"');
        var sb = new StringBuilder(s.Length);
        for (int i = 0; i < s.Length; i++)
        {
            if (s[i] != '\\' || i + 1 >= s.Length) { sb.Append(s[i]); continue; }
            char e = s[++i];
            if (e == 'u' && i + 4 < s.Length && ushort.TryParse(s.Slice(i + 1, 4), System.Globalization.NumberStyles.AllowHexSpecifier, null, out ushort u))
            {
                sb.Append((char)u);
                i += 4;
                continue;
            }
            sb.Append(e switch { 'n' => '\n', 'r' => '\r', 't' => '\t', 'b' => '\b', 'f' => '\f', _ => e });
        }
        return sb.ToString();
    }

    public static long? Long(this JsonElement e, string name) =>
        e.Prop(name) is { ValueKind: JsonValueKind.Number } v && v.TryGetInt64(out long n) ? n : null;

    public static bool? Bool(this JsonElement e, string name) => e.Prop(name) is { } v && v.ValueKind is JsonValueKind.True or JsonValueKind.False ? v.GetBoolean() : null;

    public static IEnumerable<JsonElement> Items(this JsonElement e, string name) =>
        e.Prop(name) is { ValueKind: JsonValueKind.Array } a ? a.EnumerateArray() : [];

    /// <summary>Indented JSON with non-ASCII text kept readable.</summary>
    public static string Pretty(JsonElement e)
    {
        using var ms = new MemoryStream();
        try
        {
            using (var w = new Utf8JsonWriter(ms, PrettyOptions)) e.WriteTo(w);
        }
        catch (InvalidOperationException)
        {
            // A lone surrogate escape cannot be re-written: the JSON as it came.
            return e.GetRawText();
        }
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

    public static string Plural(long n, string one, string? many = null) => $"{n:N0} {(n == 1 ? one : many ?? one + "s")}";
}
