using BatchTui.Core.Text;
using BatchTui.Tui.Text;
using Terminal.Gui.Input;
using Terminal.Gui.ViewBase;

namespace BatchTui.Tui.Widgets;

/// <summary>
/// A read-only, scrollable, word-wrapped block of text (a node's full text, the pretty raw JSON). The text is
/// untrusted: <see cref="TextWrap"/> sanitises it and wraps by display width; a text longer than
/// <see cref="TextCap.MaxChars"/> is shown up to there (callers say how to get the rest, see <see cref="TextCap"/>).
/// </summary>
public sealed class TextPanel : View
{
    private string _text = "";
    private List<string> _lines = [];
    private int _wrapWidth = -1;
    private int _scroll;

    public TextPanel()
    {
        CanFocus = true;
        KeyBindings.Clear();
    }

    public string Content
    {
        get => _text;
        set
        {
            // A backstop above the callers' own cap (which names the way to the rest).
            _text = TextCap.Head(value ?? "", "w exports the row", 2 * TextCap.MaxChars);
            _wrapWidth = -1;
            _scroll = 0;
            SetNeedsDraw();
        }
    }

    public int LineCount => Wrapped().Count;

    public void Scroll(int delta)
    {
        _scroll = Math.Clamp(_scroll + delta, 0, Math.Max(0, Wrapped().Count - Viewport.Height));
        SetNeedsDraw();
    }

    private List<string> Wrapped()
    {
        int w = Math.Max(1, Viewport.Width);
        if (w == _wrapWidth) return _lines;
        _wrapWidth = w;
        _lines = TextWrap.Wrap(_text, w);
        return _lines;
    }

    protected override bool OnDrawingContent(DrawContext? context)
    {
        List<string> lines = Wrapped();
        _scroll = Math.Clamp(_scroll, 0, Math.Max(0, lines.Count - Viewport.Height));
        SetAttributeForRole(HasFocus ? Terminal.Gui.Drawing.VisualRole.Normal : Terminal.Gui.Drawing.VisualRole.Normal);
        for (int y = 0; y < Viewport.Height; y++)
        {
            int i = _scroll + y;
            string s = i < lines.Count ? lines[i] : "";
            Move(0, y);
            AddStr(TextWidth.Pad(TextWidth.Cut(s, Viewport.Width), Viewport.Width));
        }
        return true;
    }

    protected override bool OnKeyDown(Key key)
    {
        if (key == Key.CursorDown) { Scroll(1); return true; }
        if (key == Key.CursorUp) { Scroll(-1); return true; }
        if (key == Key.PageDown) { Scroll(Math.Max(1, Viewport.Height - 1)); return true; }
        if (key == Key.PageUp) { Scroll(-Math.Max(1, Viewport.Height - 1)); return true; }
        return false;
    }

    protected override bool OnMouseEvent(Mouse mouse)
    {
        if (mouse.Flags.HasFlag(MouseFlags.WheeledDown)) { Scroll(3); return true; }
        if (mouse.Flags.HasFlag(MouseFlags.WheeledUp)) { Scroll(-3); return true; }
        return false;
    }
}
