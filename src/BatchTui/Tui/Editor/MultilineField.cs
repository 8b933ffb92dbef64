using System.Drawing;
using Terminal.Gui.Input;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;

namespace BatchTui.Tui.Editor;

// TextView is [Obsolete] in Terminal.Gui 2.5 (its successor is not on the feed) but it is the only multi-line
// editor; this wrapper is the one place that names it, so the suppression stays this narrow.
#pragma warning disable CS0618
/// <summary>A multi-line text editor with a 1-based cursor, for the message, the inputs and the raw requests.</summary>
internal sealed class MultilineField : View
{
    private readonly TextView _text;

    public MultilineField()
    {
        CanFocus = true;
        // Tab moves to the next field, as in the rest of the form (a tab character in a request is rarely meant).
        _text = new TextView { Width = Dim.Fill(), Height = Dim.Fill(), TabWidth = 2, TabKeyAddsTab = false };
        // Ctrl+L is the editor's "inputs file", not the text view's own dialog.
        _text.KeyBindings.Remove(Key.L.WithCtrl);
        _text.ContentsChanged += (_, _) => Changed?.Invoke();
        _text.UnwrappedCursorPositionChanged += (_, _) => CaretMoved?.Invoke();
        Add(_text);
    }

    /// <summary>Raised whenever the user types, pastes or deletes.</summary>
    public event Action? Changed;
    /// <summary>The caret moved (typing, arrows, or a jump to an error).</summary>
    public event Action? CaretMoved;

    public string Value
    {
        get => _text.Text.Replace("\r\n", "\n", StringComparison.Ordinal);
        set => _text.Text = value;
    }

    /// <summary>1-based line and column of the cursor.</summary>
    public (int Line, int Column) Caret => (_text.CurrentRow + 1, _text.CurrentColumn + 1);

    public void MoveTo(int line, int column)
    {
        _text.InsertionPoint = new Point(Math.Max(0, column - 1), Math.Max(0, line - 1));
        _text.SetFocus();
        // A programmatic move does not always raise the view's own event: the position shown must follow the jump.
        CaretMoved?.Invoke();
    }

    public void FocusText() => _text.SetFocus();

    /// <summary>The view that draws the text (for the focused-field attribute).</summary>
    public View TextView => _text;
}
#pragma warning restore CS0618
