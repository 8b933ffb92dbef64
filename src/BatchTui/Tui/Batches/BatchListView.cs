using BatchTui.Core.Api;
using BatchTui.Tui.Text;
using BatchTui.Tui.Widgets;
using Terminal.Gui.Input;
using Terminal.Gui.ViewBase;

namespace BatchTui.Tui.Batches;

/// <summary>
/// Draws the visible rows of a <see cref="BatchListModel"/> (header + rows, only what fits) and turns mouse clicks and
/// the wheel into selection changes. Keys are the pane's business (declared as KeyActions), so this view binds none.
/// </summary>
public sealed class BatchListView : OpaqueView
{
    private readonly BatchListModel _model;
    private readonly TimeProvider _time;
    private int _top;

    public BatchListView(BatchListModel model, TimeProvider time)
    {
        _model = model;
        _time = time;
        CanFocus = true;
        KeyBindings.Clear();
        MouseBindings.Clear();
    }

    /// <summary>How many batch rows fit (the first line is the column header).</summary>
    public int RowsVisible => Math.Max(1, Viewport.Height - 1);

    /// <summary>Shown instead of rows while nothing is loaded or nothing matches.</summary>
    public string? EmptyText { get; set; }

    /// <summary>Watched batches and the archive countdown (set by the batch list).</summary>
    public BatchEndWatch? Watch { get; set; }

    /// <summary>Whether a batch's results are in the local cache (no warning then); null: never.</summary>
    public Func<MessageBatch, bool>? IsCached { get; set; }

    /// <summary>A batch's local label (set by the batch list); null: no LABEL column.</summary>
    public Func<string, string?>? LabelOf { get; set; }

    protected override bool OnDrawingContent(DrawContext? context)
    {
        int width = Viewport.Width;
        ListState s = _model.State;
        // The column shows while any batch on the page has a label (not just the visible ones: no jumping while filtering).
        var renderer = new BatchRowRenderer(width, labels: LabelOf is { } labelOf && s.Page.Any(b => labelOf(b.Id) is not null));
        LinePainter.Paint(this, 0, 0, renderer.Header(), width);

        int rows = RowsVisible;
        if (s.SelectedIndex >= 0)
        {
            if (s.SelectedIndex < _top) _top = s.SelectedIndex;
            if (s.SelectedIndex >= _top + rows) _top = s.SelectedIndex - rows + 1;
        }
        _top = Math.Clamp(_top, 0, Math.Max(0, s.Visible.Count - rows));

        DateTimeOffset now = _time.GetUtcNow();
        for (int y = 0; y < rows; y++)
        {
            int i = _top + y;
            if (i < s.Visible.Count)
            {
                bool selected = i == s.SelectedIndex;
                MessageBatch b = s.Visible[i];
                bool soon = Watch is { } w && w.ArchiveSoon(b, IsCached);
                LinePainter.Paint(this, 0, y + 1, renderer.Row(b, now, selected, Watch?.IsWatched(b.Id) == true, soon ? Watch!.ArchiveLeft(b) : null,
                    renderer.LabelWidth > 0 ? LabelOf!(b.Id) : null), width,
                    selected ? Palette.Selected(this, HasFocus) : null);
            }
            else if (i == s.Visible.Count && s.Visible.Count == 0)
            {
                LinePainter.Paint(this, 0, y + 1, StyledLine.Of("  " + (EmptyText ?? ""), Tone.Dim), width);
            }
            else
            {
                LinePainter.Paint(this, 0, y + 1, StyledLine.Empty, width);
            }
        }
        return true;
    }

    protected override bool OnMouseEvent(Mouse mouse)
    {
        if (mouse.Flags.HasFlag(MouseFlags.WheeledDown)) { _model.Move(3); return true; }
        if (mouse.Flags.HasFlag(MouseFlags.WheeledUp)) { _model.Move(-3); return true; }
        if (mouse.Flags.HasFlag(MouseFlags.LeftButtonPressed) || mouse.Flags.HasFlag(MouseFlags.LeftButtonClicked))
        {
            if (!HasFocus) SetFocus();
            int row = (mouse.Position?.Y ?? 0) - 1;
            if (row >= 0 && _top + row < _model.State.Visible.Count) _model.Select(_top + row);
            return true;
        }
        return false;
    }
}
