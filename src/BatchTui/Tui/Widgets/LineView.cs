using BatchTui.Tui.Text;
using Terminal.Gui.ViewBase;

namespace BatchTui.Tui.Widgets;

/// <summary>A one-line view that draws whatever its function returns (header, flash bar, hints).</summary>
public sealed class LineView : OpaqueView
{
    private readonly Func<int, StyledLine> _line;

    public LineView(Func<int, StyledLine> line)
    {
        _line = line;
        CanFocus = false;
        Height = 1;
        KeyBindings.Clear();
    }

    public string CurrentText => _line(Viewport.Width).Text;

    protected override bool OnDrawingContent(DrawContext? context)
    {
        LinePainter.Paint(this, 0, 0, _line(Viewport.Width), Viewport.Width);
        return true;
    }
}
