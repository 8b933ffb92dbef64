using System.Buffers;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using System.Text.Unicode;

namespace BatchTui.Core.Results.Model;

/// <summary>
/// Strings out of JSON that nobody here wrote. Valid JSON may still hold text that is not valid Unicode: an escape
/// with half a surrogate pair (<c>"\ud83d"</c>, an emoji cut by a byte-counting truncation) or, in a damaged file,
/// invalid UTF-8. <see cref="JsonElement.GetString"/> throws on both; these read them with U+FFFD in place of the bad
/// part, so one odd string never takes a view, the validator or the parser down.
/// </summary>
public static class JsonText
{
    /// <summary>The string value of <paramref name="e"/> (a JSON string), never a throw.</summary>
    public static string Of(JsonElement e)
    {
        try
        {
            return e.GetString() ?? "";
        }
        catch (InvalidOperationException)
        {
            ReadOnlySpan<byte> raw = JsonMarshal.GetRawUtf8Value(e);
            return Decode(raw.Length >= 2 && raw[0] == (byte)'"' ? raw[1..^1] : raw);
        }
    }

    /// <summary>A property's name, never a throw.</summary>
    public static string NameOf(JsonProperty p)
    {
        try
        {
            return p.Name;
        }
        catch (InvalidOperationException)
        {
            return Decode(JsonMarshal.GetRawUtf8PropertyName(p));
        }
    }

    /// <summary>False when <paramref name="s"/> holds half a surrogate pair (which UTF-8, JSON writers and terminal cells refuse).</summary>
    public static bool IsWellFormed(string s)
    {
        for (int i = 0; i < s.Length; i++)
        {
            if (!char.IsSurrogate(s[i])) continue;
            if (char.IsHighSurrogate(s[i]) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1])) i++;
            else return false;
        }
        return true;
    }

    /// <summary>The byte offset of the first string or property name in <paramref name="json"/> that does not decode
    /// (invalid UTF-8, half a surrogate pair), with why; -1 when all do (or the JSON is malformed: the parser says so).</summary>
    public static int FirstUndecodable(ReadOnlySpan<byte> json, out string why)
    {
        why = "";
        if (!Utf8.IsValid(json))
        {
            int pos = 0;
            while (pos < json.Length && Rune.DecodeFromUtf8(json[pos..], out _, out int used) == OperationStatus.Done) pos += used;
            why = "invalid UTF-8 (is the file in another encoding, or damaged?)";
            return pos;
        }
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowMultipleValues = true });
        try
        {
            while (reader.Read())
            {
                if (reader.TokenType is not (JsonTokenType.String or JsonTokenType.PropertyName) || !reader.ValueIsEscaped) continue;
                try
                {
                    reader.GetString();
                }
                catch (InvalidOperationException)
                {
                    why = "a string holds half of a surrogate pair (an escape such as \\ud83d without its partner)";
                    return (int)reader.TokenStartIndex;
                }
            }
        }
        catch (JsonException)
        {
            // Malformed JSON is the parser's to report, with its own position.
        }
        return -1;
    }

    /// <summary>Decodes a JSON string's raw bytes (no quotes, still escaped): escapes resolved, half surrogate pairs
    /// and invalid UTF-8 as U+FFFD.</summary>
    public static string Decode(ReadOnlySpan<byte> raw)
    {
        var sb = new StringBuilder(raw.Length);
        int i = 0;
        while (i < raw.Length)
        {
            if (raw[i] != (byte)'\\')
            {
                OperationStatus status = Rune.DecodeFromUtf8(raw[i..], out Rune rune, out int used);
                sb.Append(status == OperationStatus.Done ? rune.ToString() : "\uFFFD");
                i += Math.Max(used, 1);
                continue;
            }
            if (i + 1 >= raw.Length) { sb.Append('\uFFFD'); break; }
            byte e = raw[i + 1];
            if (e != (byte)'u')
            {
                sb.Append(e switch
                {
                    (byte)'n' => '\n',
                    (byte)'r' => '\r',
                    (byte)'t' => '\t',
                    (byte)'b' => '\b',
                    (byte)'f' => '\f',
                    (byte)'"' or (byte)'\\' or (byte)'/' => (char)e,
                    _ => '\uFFFD',
                });
                i += 2;
                continue;
            }
            if (!TryHex(raw, i + 2, out int cp)) { sb.Append('\uFFFD'); i += 2; continue; }
            i += 6;
            if (char.IsHighSurrogate((char)cp) && raw.Length >= i + 6 && raw[i] == (byte)'\\' && raw[i + 1] == (byte)'u'
                && TryHex(raw, i + 2, out int lo) && char.IsLowSurrogate((char)lo))
            {
                sb.Append((char)cp).Append((char)lo);
                i += 6;
            }
            else sb.Append(char.IsSurrogate((char)cp) ? '\uFFFD' : (char)cp);
        }
        return sb.ToString();
    }

    private static bool TryHex(ReadOnlySpan<byte> raw, int at, out int value)
    {
        value = 0;
        return at + 4 <= raw.Length
            && int.TryParse(Encoding.ASCII.GetString(raw.Slice(at, 4)), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out value);
    }
}
