using System.Text;
using BatchTui.Core.Text;
using Terminal.Gui.Input;
using Terminal.Gui.ViewBase;

namespace BatchTui.Tui.Results;

/// <summary>
/// A one-line input at the bottom of the pane (glob, search text, export path). While open it has the focus and takes
/// every key: Enter accepts, Esc cancels (and does not leave the pane), Backspace deletes, printable keys type.
/// </summary>
public sealed class PromptLine : View
{
    private readonly StringBuilder _text = new();
    private string _label = "";
    private Action<string>? _accept;
    private Action<string>? _changed;
    private View? _returnFocus;

    public PromptLine()
    {
        CanFocus = true;
        Visible = false;
        Height = 1;
        KeyBindings.Clear();
    }

    public bool IsOpen => Visible;
    public string Input => _text.ToString();
    public string Label => _label;

    public void Open(string label, string initial, Action<string> accept, Action<string>? changed = null, View? returnFocus = null)
    {
        _label = label;
        _text.Clear().Append(initial);
        _accept = accept;
        _changed = changed;
        _returnFocus = returnFocus;
        Visible = true;
        SetFocus();
        SetNeedsDraw();
    }

    public void Close()
    {
        Visible = false;
        _returnFocus?.SetFocus();
        SuperView?.SetNeedsDraw();
    }

    protected override bool OnKeyDown(Key key)
    {
        if (!IsOpen) return false;
        if (key == Key.Enter)
        {
            string value = Input;
            Close();
            _accept?.Invoke(value);
            return true;
        }
        if (key == Key.Esc)
        {
            Close();
            return true;
        }
        if (key == Key.Backspace)
        {
            if (_text.Length > 0) _text.Length--;
            _changed?.Invoke(Input);
            SetNeedsDraw();
            return true;
        }
        if (key == Key.U.WithCtrl)
        {
            _text.Clear();
            _changed?.Invoke(Input);
            SetNeedsDraw();
            return true;
        }
        Rune rune = key.AsRune;
        if (rune.Value >= 32 && !key.IsCtrl && !key.IsAlt)
        {
            _text.Append(rune.ToString());
            _changed?.Invoke(Input);
            SetNeedsDraw();
            return true;
        }
        return true; // swallow everything else while open: nothing behind the prompt reacts
    }

    protected override bool OnDrawingContent(DrawContext? context)
    {
        // The label names ids and paths; the end of what is typed stays in view.
        string s = UntrustedText.ForTerminal($"{_label}{_text}") + "█";
        if (TextWidth.Of(s) > Viewport.Width) s = "…" + TextWidth.Tail(s, Viewport.Width - 1);
        Move(0, 0);
        AddStr(TextWidth.Pad(s, Viewport.Width));
        return true;
    }
}
