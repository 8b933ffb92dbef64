using System.Globalization;
using System.Text;

namespace BatchTui.Core.Labels;

/// <summary>
/// How label and note text is normalised before it is stored: a label is one line (every run of whitespace or
/// control characters becomes one space, trimmed) of at most <see cref="MaxLabel"/> text elements; a note keeps its
/// line breaks (CR LF → LF), loses other controls and is capped at <see cref="MaxNote"/> characters. Empty → null
/// (cleared). Display still goes through <c>UntrustedText</c>: the file may have been edited by hand.
/// </summary>
public static class LabelText
{
    public const int MaxLabel = 64;
    public const int MaxNote = 4000;

    public static string? Label(string? text)
    {
        if (text is null) return null;
        var sb = new StringBuilder(text.Length);
        bool space = false;
        foreach (char c in text)
        {
            if (char.IsWhiteSpace(c) || char.IsControl(c)) { space = sb.Length > 0; continue; }
            if (space) { sb.Append(' '); space = false; }
            sb.Append(c);
        }
        string s = sb.ToString();
        if (s.Length == 0) return null;
        // Capped by text element, so an emoji or accented letter is never split.
        var e = StringInfo.GetTextElementEnumerator(s);
        int n = 0;
        while (e.MoveNext())
            if (++n > MaxLabel) return s[..e.ElementIndex].TrimEnd();
        return s;
    }

    public static string? Note(string? text)
    {
        if (text is null) return null;
        string s = text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');
        var sb = new StringBuilder(s.Length);
        foreach (char c in s)
            if (c is '\n' or '\t' || !char.IsControl(c)) sb.Append(c);
        s = sb.ToString().Trim();
        if (s.Length == 0) return null;
        if (s.Length > MaxNote) s = s[..(char.IsHighSurrogate(s[MaxNote - 1]) ? MaxNote - 1 : MaxNote)].TrimEnd();
        return s;
    }

    /// <summary>The default label of a batch made from <paramref name="path"/>: the file's name without its
    /// extension; null for stdin (<c>-</c>) or no file.</summary>
    public static string? FromFile(string? path)
    {
        if (string.IsNullOrWhiteSpace(path) || path == "-") return null;
        return Label(Path.GetFileNameWithoutExtension(path.TrimEnd('/', '\\')));
    }
}
