using BatchTui.Tui.Text;
using BatchTui.Tui.Widgets;
using Terminal.Gui.Drawing;
using Terminal.Gui.Input;
using Terminal.Gui.ViewBase;

namespace BatchTui.Tui.Shell;

/// <summary>
/// The one modal thing in the app: a box asking to confirm a dangerous action. It names what will happen; only
/// <c>y</c> confirms, <c>n</c> or <c>Esc</c> backs out, every other key is swallowed while it is up. It is an overlay
/// on the running loop, not a nested run loop, so the screen keeps refreshing behind it.
/// </summary>
public sealed class ConfirmView : View
{
    private Action? _yes;
    private IReadOnlyList<string> _message = [];

    public ConfirmView()
    {
        Visible = false;
        CanFocus = false;
        BorderStyle = LineStyle.Double;
        X = Pos.Center();
        Y = Pos.Center();
        Width = Dim.Func(_ => Math.Min(Math.Max(40, _message.DefaultIfEmpty("").Max(l => l.Length) + 4), (SuperView?.Viewport.Width ?? 80) - 4));
        Height = Dim.Func(_ => _message.Count + 4);
        KeyBindings.Clear();
    }

    public bool IsOpen => Visible;

    public void Open(string title, IReadOnlyList<string> message, Action yes)
    {
        Title = title;
        _message = message;
        _yes = yes;
        Visible = true;
        SuperView?.MoveSubViewToEnd(this);
        SetNeedsLayout();
        SetNeedsDraw();
    }

    /// <summary>Handles a key while open; every key is consumed.</summary>
    public void HandleKey(Key key)
    {
        if (key == Key.Y || key == Key.Y.WithShift)
        {
            Action? yes = _yes;
            Close();
            yes?.Invoke();
        }
        else if (key == Key.N || key == Key.N.WithShift || key == Key.Esc || key == Key.Q)
        {
            Close();
        }
    }

    public void Close()
    {
        Visible = false;
        _yes = null;
        SuperView?.SetNeedsDraw();
    }

    protected override bool OnDrawingContent(DrawContext? context)
    {
        int w = Viewport.Width;
        for (int i = 0; i < _message.Count; i++)
            LinePainter.Paint(this, 0, i, StyledLine.Of(" " + _message[i]), w);
        LinePainter.Paint(this, 0, _message.Count, StyledLine.Empty, w);
        LinePainter.Paint(this, 0, _message.Count + 1,
            new LineBuilder().Add(" ").Add("[y]", Tone.Warning).Add(" yes    ").Add("[n]", Tone.Accent).Add(" no (Esc)").Build(), w);
        return true;
    }
}
