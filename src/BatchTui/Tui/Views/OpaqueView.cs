using Terminal.Gui.ViewBase;

namespace BatchTui.Tui.Views;

/// <summary>
/// A view that paints every cell of its viewport when it draws. Terminal.Gui clears a viewport before drawing it, and
/// for these views that clear was only painted over: skipping it takes a whole-screen fill out of every frame.
/// </summary>
public abstract class OpaqueView : View
{
    protected override bool OnClearingViewport() => true;
}
