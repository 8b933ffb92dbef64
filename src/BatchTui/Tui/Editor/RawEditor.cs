using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;

namespace BatchTui.Tui.Editor;

/// <summary>The raw mode: the request list as JSONL, a <c>{"requests":[...]}</c> body or an array, with the caret position.</summary>
internal sealed class RawEditor : View
{
    private readonly Label _position;

    public RawEditor()
    {
        Width = Dim.Fill();
        Height = Dim.Fill();
        CanFocus = true;
        var hint = new Label { Text = "Requests: JSONL, {\"requests\":[...]} or [...]", X = 0, Y = 0 };
        _position = new Label { Text = "1:1", X = Pos.AnchorEnd(), Y = 0 };
        Text = new MultilineField { X = 0, Y = 1, Width = Dim.Fill(), Height = Dim.Fill() };
        Text.Changed += () =>
        {
            UpdatePosition();
            Changed?.Invoke();
        };
        Text.CaretMoved += UpdatePosition;
        Add(hint, _position, Text);
    }

    public new MultilineField Text { get; }

    public event Action? Changed;

    /// <summary>The caret as <c>line:column</c>, the same notation as the error messages.</summary>
    public string Position => _position.Text;

    public void UpdatePosition()
    {
        (int line, int col) = Text.Caret;
        _position.Text = $"{line}:{col}";
    }
}
