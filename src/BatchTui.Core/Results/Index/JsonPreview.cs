using System.Buffers;
using System.Globalization;
using System.Text;

namespace BatchTui.Core.Results.Index;

/// <summary>
/// Decodes the start of a JSON string's raw bytes (still escaped, possibly cut anywhere) into a one-line preview.
/// Tolerant: an escape or UTF-8 sequence cut at the end is dropped, never an error.
/// </summary>
public static class JsonPreview
{
    public static string Decode(ReadOnlySpan<byte> raw, int maxChars)
    {
        var sb = new StringBuilder(Math.Min(maxChars + 1, raw.Length));
        bool lastWasSpace = false;
        int i = 0;
        while (i < raw.Length && sb.Length < maxChars)
        {
            byte b = raw[i];
            Rune rune;
            if (b == (byte)'\\')
            {
                if (i + 1 >= raw.Length) break;
                byte e = raw[i + 1];
                if (e == (byte)'u')
                {
                    if (i + 6 > raw.Length || !TryHex(raw.Slice(i + 2, 4), out int cp)) break;
                    i += 6;
                    if (char.IsHighSurrogate((char)cp))
                    {
                        if (i + 6 <= raw.Length && raw[i] == (byte)'\\' && raw[i + 1] == (byte)'u' && TryHex(raw.Slice(i + 2, 4), out int lo)
                            && char.IsLowSurrogate((char)lo))
                        {
                            i += 6;
                            rune = new Rune((char)cp, (char)lo);
                        }
                        else rune = Rune.ReplacementChar;
                    }
                    else rune = Rune.IsValid(cp) ? new Rune(cp) : Rune.ReplacementChar;
                }
                else
                {
                    i += 2;
                    rune = e switch
                    {
                        (byte)'n' or (byte)'r' or (byte)'t' or (byte)'b' or (byte)'f' => new Rune(' '),
                        _ => new Rune(e),
                    };
                }
            }
            else
            {
                OperationStatus status = Rune.DecodeFromUtf8(raw[i..], out rune, out int used);
                if (status == OperationStatus.NeedMoreData) break;
                i += Math.Max(used, 1);
            }
            bool space = Rune.IsWhiteSpace(rune) || Rune.IsControl(rune);
            if (space)
            {
                if (!lastWasSpace && sb.Length > 0) sb.Append(' ');
                lastWasSpace = true;
                continue;
            }
            lastWasSpace = false;
            sb.Append(rune.ToString());
        }
        return sb.ToString().TrimEnd();
    }

    private static bool TryHex(ReadOnlySpan<byte> four, out int value) =>
        int.TryParse(Encoding.ASCII.GetString(four), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out value);
}
