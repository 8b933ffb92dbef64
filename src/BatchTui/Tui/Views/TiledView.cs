using Terminal.Gui.ViewBase;

namespace BatchTui.Tui.Views;

/// <summary>
/// A container whose subviews cover it entirely (the shell's pane area, the batch list beside or above the detail).
/// Its own clear would be painted over by them at once, and on the first frame each such clear is a full-screen fill.
/// </summary>
public sealed class TiledView : View
{
    protected override bool OnClearingViewport() => true;
}
