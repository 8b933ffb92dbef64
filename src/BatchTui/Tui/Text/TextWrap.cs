using BatchTui.Core.Text;

namespace BatchTui.Tui.Text;

public static class TextWrap
{
    // A very long text is shown up to a bound; the rest is one scroll of "…" away from a raw export.
    private const int MaxLines = 20_000;
    private const string CutHere = "… (cut here; export the row to read all of it)";

    /// <summary>
    /// Splits on newlines and wraps at word boundaries to <paramref name="width"/> columns (hard-cuts words longer
    /// than the width, never inside a grapheme cluster). The text is sanitised first (<see cref="UntrustedText.ForTerminalLines"/>),
    /// so every line is safe to draw and at most <paramref name="width"/> columns wide.
    /// </summary>
    public static List<string> Wrap(string text, int width)
    {
        width = Math.Max(1, width);
        var lines = new List<string>();
        string clean = UntrustedText.ForTerminalLines(text);
        int start = 0;
        while (start <= clean.Length)
        {
            int nl = clean.IndexOf('\n', start);
            int end = nl < 0 ? clean.Length : nl;
            // Walks by index: cutting the rest off as a new string each time was quadratic on a 50 MB line.
            ReadOnlySpan<char> line = clean.AsSpan(start, end - start);
            while (true)
            {
                int n = TextWidth.PrefixLength(line, width, out _);
                if (n >= line.Length) { lines.Add(line.ToString()); break; }
                // Break after the last space that fits (a space right at the edge counts), else hard-cut; a cluster
                // wider than the whole width goes on a line of its own.
                int space = line[..Math.Min(n + 1, line.Length)].LastIndexOf(' ');
                int cut = space > 0 ? space : n > 0 ? n : System.Globalization.StringInfo.GetNextTextElementLength(line);
                lines.Add(line[..cut].ToString());
                line = line[cut..].TrimStart(' ');
                if (lines.Count >= MaxLines) { lines.Add(CutHere); return lines; }
            }
            if (lines.Count >= MaxLines) { lines.Add(CutHere); return lines; }
            if (nl < 0) break;
            start = nl + 1;
        }
        return lines;
    }
}
