using System.Text;
using Terminal.Gui.Views;

namespace BatchTui.Tui.Views;

public static class Frames
{
    /// <summary>
    /// A FrameView whose title is shown as written: batch ids contain <c>_</c>, which Terminal.Gui would otherwise take
    /// as a hot-key marker and swallow.
    /// </summary>
    public static FrameView Titled(string title, bool canFocus)
    {
        var frame = new FrameView { HotKeySpecifier = new Rune(0xFFFF), Title = title, CanFocus = canFocus };
        frame.KeyBindings.Clear();
        return frame;
    }
}
