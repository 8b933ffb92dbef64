using BatchTui.Tui.Rendering;
using Terminal.Gui.ViewBase;
using Attribute = Terminal.Gui.Drawing.Attribute;

namespace BatchTui.Tui.Views;

/// <summary>Draws a <see cref="StyledLine"/> into a view row, cut and padded to a width.</summary>
public static class LinePainter
{
    /// <param name="whole">Draw every span in this attribute instead of its tone's (the selected row).</param>
    public static void Paint(View view, int col, int row, StyledLine line, int width, Attribute? whole = null)
    {
        if (width <= 0 || ShownRow.Holds(view, col, row, line, width, whole)) return;
        view.Move(col, row);
        int left = width;
        foreach (Span span in line.Spans)
        {
            if (left <= 0) break;
            string text = span.Text.Length > left ? span.Text[..left] : span.Text;
            view.SetAttribute(whole ?? Palette.For(view, span.Tone));
            view.AddStr(text);
            left -= text.Length;
        }
        if (left > 0)
        {
            view.SetAttribute(whole ?? Palette.For(view, Tone.Normal));
            view.AddStr(new string(' ', left));
        }
    }
}
