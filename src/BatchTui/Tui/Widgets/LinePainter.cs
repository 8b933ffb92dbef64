using BatchTui.Core.Text;
using BatchTui.Tui.Text;
using Terminal.Gui.ViewBase;
using Attribute = Terminal.Gui.Drawing.Attribute;

namespace BatchTui.Tui.Widgets;

/// <summary>
/// Draws a <see cref="StyledLine"/> into a view row, cut and padded to a width in columns. Every span goes through
/// <see cref="UntrustedText.ForTerminal"/> here, whoever built it, and is cut by grapheme cluster: a wide cluster that
/// does not fit ends the row with blanks instead of being split.
/// </summary>
public static class LinePainter
{
    /// <param name="whole">Draw every span in this attribute instead of its tone's (the selected row).</param>
    public static void Paint(View view, int col, int row, StyledLine line, int width, Attribute? whole = null)
    {
        if (width <= 0) return;
        List<(string Text, Attribute Attribute)> runs = Runs(view, line, width, whole);
        if (ShownRow.Holds(view, col, row, runs, width)) return;
        view.Move(col, row);
        foreach ((string text, Attribute attribute) in runs)
        {
            view.SetAttribute(attribute);
            view.AddStr(text);
        }
    }

    // The row as it goes on screen: each span cut to what is left of the width, then blanks to the end.
    private static List<(string Text, Attribute Attribute)> Runs(View view, StyledLine line, int width, Attribute? whole)
    {
        var runs = new List<(string, Attribute)>(line.Spans.Count + 1);
        int left = width;
        foreach (Span span in line.Spans)
        {
            if (left <= 0) break;
            string clean = UntrustedText.ForTerminal(span.Text);
            int n = TextWidth.PrefixLength(clean, left, out int used);
            if (n > 0) runs.Add((n == clean.Length ? clean : clean[..n], whole ?? Palette.For(view, span.Tone)));
            left -= used;
            if (n < clean.Length) break;
        }
        if (left > 0) runs.Add((new string(' ', left), whole ?? Palette.For(view, Tone.Normal)));
        return runs;
    }
}
