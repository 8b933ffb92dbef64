using BatchTui.Tui.Widgets;
using Terminal.Gui.Input;

namespace BatchTui.Tui.Shell;

/// <summary>The keys of a pane that is one scrolling text (help, raw JSON): declared once for all of them.</summary>
public static class ScrollKeys
{
    public static IEnumerable<KeyAction> For(TextLinesView text) =>
    [
        new(Key.J, "scroll", () => text.Scroll(1)),
        new(Key.K, "scroll", () => text.Scroll(-1)),
        new(Key.CursorDown, "scroll", () => text.Scroll(1), Hint: false),
        new(Key.CursorUp, "scroll", () => text.Scroll(-1), Hint: false),
        new(Key.PageDown, "page", () => text.Scroll(10), Hint: false),
        new(Key.PageUp, "page", () => text.Scroll(-10), Hint: false),
        new(Key.G, "top", () => text.ScrollTo(0), Hint: false),
        new(Key.G.WithShift, "bottom", () => text.ScrollTo(text.LineCount), Hint: false),
    ];
}
