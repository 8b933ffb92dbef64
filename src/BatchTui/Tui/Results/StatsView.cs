using BatchTui.Core.Results.Stats;
using BatchTui.Tui.Text;
using BatchTui.Tui.Widgets;
using Terminal.Gui.Input;
using Terminal.Gui.ViewBase;

namespace BatchTui.Tui.Results;

/// <summary>
/// Draws the stats report: headings, rows with their bars (the bar in the accent tone; its glyphs carry the meaning
/// in mono too), the selected row highlighted and kept in view. Keys are the pane's actions.
/// </summary>
public sealed class StatsView : OpaqueView
{
    private readonly StatsModel _model;
    private int _scroll;

    public StatsView(StatsModel model)
    {
        _model = model;
        CanFocus = true;
        KeyBindings.Clear();
        MouseBindings.Clear();
    }

    public IReadOnlyList<StatsLine> Lines => _model.Lines(Math.Max(40, Viewport.Width));

    /// <summary>The text on screen now, top to bottom (for tests and for copying a view).</summary>
    public int Scroll => _scroll;

    public void Move(int delta)
    {
        _model.Move(delta, Lines);
        SetNeedsDraw();
    }

    protected override bool OnDrawingContent(DrawContext? context)
    {
        IReadOnlyList<StatsLine> lines = Lines;
        int selected = _model.SelectedLine(lines);
        int height = Math.Max(1, Viewport.Height);
        // Keep the selected row in view, with its heading when there is room.
        if (selected >= 0)
        {
            bool first = !lines.Take(selected).Any(l => l.Narrow is not null);
            if (first) _scroll = 0; // the summary above the first row stays in view
            else if (selected < _scroll + 1) _scroll = Math.Max(0, selected - 2);
            else if (selected >= _scroll + height) _scroll = selected - height + 1;
        }
        _scroll = Math.Clamp(_scroll, 0, Math.Max(0, lines.Count - height));
        for (int y = 0; y < Viewport.Height; y++)
        {
            int i = _scroll + y;
            StatsLine? line = i < lines.Count ? lines[i] : null;
            if (line is null) { LinePainter.Paint(this, 0, y, StyledLine.Empty, Viewport.Width); continue; }
            if (i == selected) LinePainter.Paint(this, 0, y, StyledLine.Of("▸" + line.Text[Math.Min(1, line.Text.Length)..]), Viewport.Width, Palette.Selected(this, HasFocus));
            else LinePainter.Paint(this, 0, y, Styled(line), Viewport.Width);
        }
        return true;
    }

    private static StyledLine Styled(StatsLine line) => line.Kind switch
    {
        StatsLineKind.Heading => StyledLine.Of(line.Text, Tone.Label),
        StatsLineKind.Note => StyledLine.Of(line.Text, Tone.Dim),
        StatsLineKind.Summary => StyledLine.Of(line.Text, Tone.Accent),
        StatsLineKind.Row when line.BarStart > 0 && line.BarStart <= line.Text.Length =>
            new StyledLine([new Span(line.Text[..line.BarStart]), new Span(line.Text[line.BarStart..], Tone.Accent)]),
        _ => StyledLine.Of(line.Text),
    };

    protected override bool OnMouseEvent(Mouse mouse)
    {
        if (mouse.Flags.HasFlag(MouseFlags.WheeledDown)) { Move(3); return true; }
        if (mouse.Flags.HasFlag(MouseFlags.WheeledUp)) { Move(-3); return true; }
        return false;
    }
}
