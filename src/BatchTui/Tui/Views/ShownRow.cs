using System.Drawing;
using System.Text;
using Terminal.Gui.Drawing;
using Terminal.Gui.Text;
using Terminal.Gui.ViewBase;
using Attribute = Terminal.Gui.Drawing.Attribute;

namespace BatchTui.Tui.Views;

/// <summary>
/// Whether the screen buffer already holds a row exactly as <see cref="LinePainter"/> would write it. Moving the
/// cursor changes two list rows, yet the framework redraws the whole view; writing a cell costs a grapheme split, a
/// width lookup and a lock, and marks the line for output, while reading it back costs a compare. The buffer is what
/// goes to the terminal, so a row it already shows (whatever drew it there) needs no writing.
/// </summary>
internal static class ShownRow
{
    // Column widths of UTF-16 code units, filled on first use: 1 = one cell, its own grapheme; 2 = anything else.
    private static readonly byte[] Widths = new byte[char.MaxValue + 1];

    /// <param name="runs">The row as <see cref="LinePainter"/> writes it: texts with their attributes,
    /// <paramref name="width"/> chars in all.</param>
    public static bool Holds(View view, int col, int row, IReadOnlyList<(string Text, Attribute Attribute)> runs, int width)
    {
        Cell[,]? cells = view.App?.Driver?.Contents;
        if (cells is null) return false;
        Point at = view.ViewportToScreen(new Point(col, row));
        if (at.Y < 0 || at.Y >= cells.GetLength(0) || at.X < 0 || at.X + width > cells.GetLength(1)) return false;

        int x = at.X;
        foreach ((string text, Attribute attribute) in runs)
            foreach (char c in text)
                if (!Matches(in cells[at.Y, x++], c, attribute)) return false;
        return true;
    }

    private static bool Matches(in Cell cell, char c, Attribute attribute) =>
        IsSingleCell(c) && cell.Attribute == attribute && cell.Grapheme is { Length: 1 } g && g[0] == c;

    private static bool IsSingleCell(char c)
    {
        if (c is >= ' ' and <= '~') return true;
        byte w = Widths[c];
        if (w == 0)
        {
            w = char.IsSurrogate(c) || char.IsControl(c) || new Rune(c).GetColumns() != 1 ? (byte)2 : (byte)1;
            Widths[c] = w;
        }
        return w == 1;
    }
}
