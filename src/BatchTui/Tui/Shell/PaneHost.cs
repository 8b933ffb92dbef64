using BatchTui.Tui.Text;
using BatchTui.Tui.Widgets;
using Terminal.Gui.Drawing;
using Terminal.Gui.ViewBase;

namespace BatchTui.Tui.Shell;

/// <summary>
/// The shell's pane area, and the one place a pane's drawing is guarded: an exception while the panes draw is handed
/// to <see cref="DrawFailed"/> (the shell hides the failed pane and sets <see cref="Failure"/>), and the area then
/// shows that error in place of the pane's content. A hidden pane is not drawn again, so a draw that always throws
/// cannot spin the loop redrawing it; the shell shows it again on the next key to try once more.
/// </summary>
public sealed class PaneHost : OpaqueView
{
    /// <summary>Raised (during the draw) with what a pane's draw threw.</summary>
    public event Action<Exception>? DrawFailed;

    /// <summary>The error shown in place of the top pane, or null when the pane draws itself.</summary>
    public string? Failure { get; set; }

    protected override bool OnDrawingSubViews(DrawContext? context)
    {
        if (Failure is not null) return true;
        Region? clip = GetClip()?.Clone();
        try
        {
            DrawSubViews(context);
        }
        catch (Exception e)
        {
            SetClip(clip);
            DrawFailed?.Invoke(e);
            // This frame's self-draw may not run (only a subview needed drawing): paint the error now.
            if (Failure is not null) PaintFailure();
        }
        return true;
    }

    protected override bool OnDrawingContent(DrawContext? context)
    {
        if (Failure is null) return false;
        PaintFailure();
        return true;
    }

    private void PaintFailure()
    {
        int width = Viewport.Width;
        var lines = new List<StyledLine> { StyledLine.Empty };
        foreach (string l in TextWrap.Wrap("✗ " + Failure, Math.Max(1, width - 2))) lines.Add(StyledLine.Of(" " + l, Tone.Error));
        lines.Add(StyledLine.Empty);
        lines.Add(StyledLine.Of(" The rest of the app still works: Esc goes back, q quits, any other key draws this pane again.", Tone.Dim));
        for (int row = 0; row < Viewport.Height; row++)
            LinePainter.Paint(this, 0, row, row < lines.Count ? lines[row] : StyledLine.Empty, width);
    }
}
