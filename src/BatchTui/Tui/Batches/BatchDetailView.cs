using BatchTui.Core.Api;
using BatchTui.Tui.Text;
using BatchTui.Tui.Widgets;
using Terminal.Gui.Input;
using Terminal.Gui.ViewBase;

namespace BatchTui.Tui.Batches;

/// <summary>The selected batch in full (see <see cref="BatchDetailRenderer"/>); scrolls when it does not fit.</summary>
public sealed class BatchDetailView : OpaqueView
{
    private readonly Func<MessageBatch?> _batch;
    private readonly TimeProvider _time;
    private int _scroll;

    public BatchDetailView(Func<MessageBatch?> batch, TimeProvider time)
    {
        _batch = batch;
        _time = time;
        CanFocus = false;
        KeyBindings.Clear();
        MouseBindings.Clear();
    }

    public TimeZoneInfo Zone { get; set; } = TimeZoneInfo.Local;
    /// <summary>Counts folded into one bar (short terminals).</summary>
    public bool Compact { get; set; }
    public string EmptyText { get; set; } = "no batch selected";
    /// <summary>Watched batches and the archive countdown (set by the batch list).</summary>
    public BatchEndWatch? Watch { get; set; }
    /// <summary>A batch's local label and note (set by the batch list).</summary>
    public Func<string, BatchTui.Core.Labels.BatchNote?>? NoteOf { get; set; }

    public void Scroll(int delta)
    {
        _scroll = Math.Max(0, _scroll + delta);
        SetNeedsDraw();
    }

    public IReadOnlyList<StyledLine> CurrentLines()
    {
        MessageBatch? b = _batch();
        return b is null
            ? [StyledLine.Of(EmptyText, Tone.Dim)]
            : BatchDetailRenderer.Lines(b, _time.GetUtcNow(), Zone, Viewport.Width, Compact, Watch, NoteOf?.Invoke(b.Id));
    }

    protected override bool OnDrawingContent(DrawContext? context)
    {
        IReadOnlyList<StyledLine> lines = CurrentLines();
        int height = Viewport.Height, width = Viewport.Width;
        _scroll = Math.Clamp(_scroll, 0, Math.Max(0, lines.Count - height));
        for (int y = 0; y < height; y++)
        {
            int i = _scroll + y;
            StyledLine line = i < lines.Count ? lines[i] : StyledLine.Empty;
            // A last visible line that hides more says so.
            if (y == height - 1 && i < lines.Count - 1) line = StyledLine.Of($"  ↓ {lines.Count - i} more (J/K scroll)", Tone.Dim);
            LinePainter.Paint(this, 0, y, line, width);
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
