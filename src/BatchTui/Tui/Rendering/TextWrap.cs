namespace BatchTui.Tui.Rendering;

public static class TextWrap
{
    /// <summary>Splits on newlines and wraps at word boundaries (hard-cuts words longer than the width).</summary>
    public static List<string> Wrap(string text, int width)
    {
        var lines = new List<string>();
        // A very long text (a 10 MB line) is shown up to a bound; the rest is one scroll of "…" away from a raw export.
        const int MaxLines = 20_000;
        foreach (string raw in text.Replace("\r\n", "\n").Split('\n'))
        {
            string line = raw.Replace('\t', ' ');
            while (line.Length > width)
            {
                int cut = line.LastIndexOf(' ', width - 1, Math.Min(width, line.Length));
                if (cut <= 0) cut = width;
                lines.Add(line[..cut]);
                line = line[cut..].TrimStart(' ');
                if (lines.Count >= MaxLines) { lines.Add("… (cut here; export the row to read all of it)"); return lines; }
            }
            lines.Add(line);
            if (lines.Count >= MaxLines) { lines.Add("… (cut here; export the row to read all of it)"); return lines; }
        }
        return lines;
    }
}
