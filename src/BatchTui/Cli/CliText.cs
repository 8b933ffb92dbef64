using System.Text;

namespace BatchTui.Cli;

/// <summary>
/// The one door for untrusted text (ids, statuses, API messages, result text) into a human format on stdout or
/// stderr: C0 controls become their U+2400 pictures, DEL becomes ␡, C1 controls and bidi/format characters become a
/// visible <c>&lt;U+XXXX&gt;</c>, and a lone surrogate becomes U+FFFD. Nothing is left that a terminal would obey.
/// (A minimal stand-in until the shared sanitiser exists: pointing this at it changes every caller at once.)
/// </summary>
internal static class CliText
{
    public static string Safe(string? text)
    {
        if (string.IsNullOrEmpty(text)) return "";
        if (!NeedsWork(text)) return text;
        var sb = new StringBuilder(text.Length + 8);
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                sb.Append(c).Append(text[++i]);
                continue;
            }
            if (char.IsSurrogate(c)) sb.Append('\uFFFD');
            else if (c < 0x20) sb.Append((char)(0x2400 + c));
            else if (c == 0x7F) sb.Append('\u2421');
            else if (IsHidden(c)) sb.Append("<U+").Append(((int)c).ToString("X4", System.Globalization.CultureInfo.InvariantCulture)).Append('>');
            else sb.Append(c);
        }
        return sb.ToString();
    }

    private static bool NeedsWork(string text)
    {
        foreach (char c in text)
            if (c < 0x20 || c == 0x7F || char.IsSurrogate(c) || IsHidden(c)) return true;
        return false;
    }

    // C1, and the characters that reorder or hide text: bidi embeddings, overrides, isolates and marks.
    private static bool IsHidden(char c) =>
        c is >= '\u0080' and <= '\u009F' or '\u061C' or '\u200E' or '\u200F' or >= '\u202A' and <= '\u202E'
            or >= '\u2066' and <= '\u2069';
}
