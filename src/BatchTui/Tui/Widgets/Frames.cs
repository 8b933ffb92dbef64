using BatchTui.Core.Text;
using System.Text;
using Terminal.Gui.Views;

namespace BatchTui.Tui.Widgets;

public static class Frames
{
    /// <summary>
    /// A FrameView around one <see cref="OpaqueView"/> that fills it. Its title is shown as written: batch ids contain
    /// <c>_</c>, which Terminal.Gui would otherwise take as a hot-key marker and swallow.
    /// </summary>
    public static FrameView Titled(string title, bool canFocus)
    {
        var frame = new FilledFrame { HotKeySpecifier = new Rune(0xFFFF), Title = SafeTitle(title), CanFocus = canFocus };
        frame.KeyBindings.Clear();
        return frame;
    }

    /// <summary>A title naming untrusted ids: sanitised, and cut long before it could matter to the border.</summary>
    public static string SafeTitle(string title) => UntrustedText.ForTerminal(TextWidth.Head(title, 512));

    /// <summary>
    /// Its content covers the whole viewport, so clearing it first is wasted work; that clear ran on every cursor
    /// move, because the detail frame's title names the selected batch.
    /// </summary>
    private sealed class FilledFrame : FrameView
    {
        protected override bool OnClearingViewport() => true;
    }
}
