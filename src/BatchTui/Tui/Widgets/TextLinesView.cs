using BatchTui.Tui.Text;
using Terminal.Gui.Input;
using Terminal.Gui.ViewBase;

namespace BatchTui.Tui.Widgets;

/// <summary>A scrollable list of styled lines (help overlay, raw JSON).</summary>
public sealed class TextLinesView : OpaqueView
{
    private readonly IReadOnlyList<StyledLine> _lines;
    private int _scroll;

    public TextLinesView(IReadOnlyList<StyledLine> lines)
    {
        _lines = lines;
        CanFocus = true;
        KeyBindings.Clear();
        MouseBindings.Clear();
    }

    public int LineCount => _lines.Count;

    public void Scroll(int delta)
    {
        _scroll = Math.Clamp(_scroll + delta, 0, Math.Max(0, _lines.Count - Viewport.Height));
        SetNeedsDraw();
    }

    public void ScrollTo(int line)
    {
        _scroll = 0;
        Scroll(line);
    }

    protected override bool OnDrawingContent(DrawContext? context)
    {
        _scroll = Math.Clamp(_scroll, 0, Math.Max(0, _lines.Count - Viewport.Height));
        for (int y = 0; y < Viewport.Height; y++)
        {
            int i = _scroll + y;
            LinePainter.Paint(this, 0, y, i < _lines.Count ? _lines[i] : StyledLine.Empty, Viewport.Width);
        }
        return true;
    }

    protected override bool OnMouseEvent(Mouse mouse)
    {
        if (mouse.Flags.HasFlag(MouseFlags.WheeledDown)) { Scroll(3); return true; }
        if (mouse.Flags.HasFlag(MouseFlags.WheeledUp)) { Scroll(-3); return true; }
        return false;
    }
}
