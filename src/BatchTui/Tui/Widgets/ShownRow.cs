using BatchTui.Core.Text;
using System.Drawing;
using System.Globalization;
using Terminal.Gui.Drawing;
using Terminal.Gui.ViewBase;
using Attribute = Terminal.Gui.Drawing.Attribute;

namespace BatchTui.Tui.Widgets;

/// <summary>
/// Whether the screen buffer already holds a row exactly as <see cref="LinePainter"/> would write it. Moving the
/// cursor changes two list rows, yet the framework redraws the whole view; writing a cell costs a grapheme split, a
/// width lookup and a lock, and marks the line for output, while reading it back costs a compare. The buffer is what
/// goes to the terminal, so a row it already shows (whatever drew it there) needs no writing.
/// </summary>
internal static class ShownRow
{
    /// <param name="runs">The row as <see cref="LinePainter"/> writes it: sanitised texts with their attributes,
    /// <paramref name="width"/> columns in all.</param>
    public static bool Holds(View view, int col, int row, IReadOnlyList<(string Text, Attribute Attribute)> runs, int width)
    {
        Cell[,]? cells = view.App?.Driver?.Contents;
        if (cells is null) return false;
        Point at = view.ViewportToScreen(new Point(col, row));
        if (at.Y < 0 || at.Y >= cells.GetLength(0) || at.X < 0 || at.X + width > cells.GetLength(1)) return false;

        int x = at.X;
        foreach ((string text, Attribute attribute) in runs)
        {
            ReadOnlySpan<char> s = text;
            while (!s.IsEmpty)
            {
                char c = s[0];
                if (c is >= ' ' and <= '~' && (s.Length == 1 || s[1] < 0x300))
                {
                    // Printable ASCII on its own: one cell holding that char.
                    if (!Matches(in cells[at.Y, x], attribute) || cells[at.Y, x].Grapheme is not { Length: 1 } g || g[0] != c) return false;
                    x++;
                    s = s[1..];
                    continue;
                }
                // A cluster: the cell holds it (Terminal.Gui stores it NFC, so a differently composed one just redraws);
                // a wide one also owns the next cell, which carries the attribute.
                int n = StringInfo.GetNextTextElementLength(s);
                ReadOnlySpan<char> cluster = s[..n];
                int w = TextWidth.Cells(cluster);
                if (x + w > at.X + width) return false;
                if (!Matches(in cells[at.Y, x], attribute) || !cluster.SequenceEqual(cells[at.Y, x].Grapheme)) return false;
                if (w == 2 && cells[at.Y, x + 1].Attribute != attribute) return false;
                x += w;
                s = s[n..];
            }
        }
        return x == at.X + width;
    }

    private static bool Matches(in Cell cell, Attribute attribute) => cell.Attribute == attribute;
}
