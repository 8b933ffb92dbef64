using BatchTui.Tui.Text;
using BatchTui.Tui.Widgets;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;

namespace BatchTui.Tui.Shell;

/// <summary>
/// A one-line prompt in the flash bar's row for <c>/</c> (filter, applied as you type) and <c>:</c> (jump to an id).
/// Enter accepts, Esc backs out and restores what was there.
/// </summary>
public sealed class PromptView : View
{
    private readonly TextField _field;
    private readonly LineView _label;
    private string _labelText = "";
    private Action<string>? _changed, _accept;
    private Action? _cancel;

    public PromptView()
    {
        Visible = false;
        CanFocus = true;
        Height = 1;
        _label = new LineView(_ => new LineBuilder().Add(_labelText, Tone.Accent).Build()) { X = 0, Y = 0, Width = Dim.Func(_ => _labelText.Length) };
        _field = new TextField { X = Pos.Right(_label), Y = 0, Width = Dim.Fill() };
        _field.TextChanged += (_, _) => { if (Visible) _changed?.Invoke(_field.Text); };
        Add(_label, _field);
    }

    public bool IsOpen => Visible;
    public string Value => _field.Text;

    public void Open(string label, string initial, Action<string>? changed, Action<string> accept, Action? cancel)
    {
        _labelText = label;
        _changed = null;
        _field.Text = initial;
        _field.MoveEnd();
        _changed = changed;
        _accept = accept;
        _cancel = cancel;
        Visible = true;
        SetNeedsLayout();
        _field.SetFocus();
    }

    /// <summary>Empties the field (Ctrl+U, as in a shell).</summary>
    public void Clear() => _field.Text = "";

    public void Accept()
    {
        string text = _field.Text;
        Action<string>? accept = _accept;
        Close();
        accept?.Invoke(text);
    }

    public void Cancel()
    {
        Action? cancel = _cancel;
        Close();
        cancel?.Invoke();
    }

    private void Close()
    {
        Visible = false;
        _changed = _accept = null;
        _cancel = null;
    }
}
