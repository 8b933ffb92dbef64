using System.Text;
using Terminal.Gui.Views;

namespace BatchTui.Tui.Views;

public static class Frames
{
    /// <summary>
    /// A FrameView around one <see cref="OpaqueView"/> that fills it. Its title is shown as written: batch ids contain
    /// <c>_</c>, which Terminal.Gui would otherwise take as a hot-key marker and swallow.
    /// </summary>
    public static FrameView Titled(string title, bool canFocus)
    {
        var frame = new FilledFrame { HotKeySpecifier = new Rune(0xFFFF), Title = title, CanFocus = canFocus };
        frame.KeyBindings.Clear();
        return frame;
    }

    /// <summary>
    /// Its content covers the whole viewport, so clearing it first is wasted work; that clear ran on every cursor
    /// move, because the detail frame's title names the selected batch.
    /// </summary>
    private sealed class FilledFrame : FrameView
    {
        protected override bool OnClearingViewport() => true;
    }
}
