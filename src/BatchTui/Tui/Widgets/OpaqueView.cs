using Terminal.Gui.ViewBase;

namespace BatchTui.Tui.Widgets;

/// <summary>
/// A view whose whole viewport is painted when it draws: by itself (the list, the detail, the one-line bars) or by
/// subviews that tile it (the shell's pane area, the list/detail split). Terminal.Gui clears a viewport before drawing
/// it, and here that clear was only painted over: skipping it takes a whole-screen fill out of every frame.
/// </summary>
public class OpaqueView : View
{
    protected override bool OnClearingViewport() => true;
}
