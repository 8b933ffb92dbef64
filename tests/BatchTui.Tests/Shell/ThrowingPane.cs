using BatchTui.Tui.Shell;
using Terminal.Gui.Input;
using Terminal.Gui.ViewBase;

namespace BatchTui.Tests.Shell;

/// <summary>
/// A test-only pane with a bug on demand: <c>x</c> throws from its key handler, and its view throws while drawing when
/// <see cref="ThrowOnDraw"/> is set. Both messages carry an escape sequence and an API key, as an exception quoting
/// untrusted text (and, by mistake, a secret) would.
/// </summary>
internal sealed class ThrowingPane : IPane
{
    public const string Content = "the throwing pane draws fine";
    private readonly Canvas _view;

    public ThrowingPane(string secret)
    {
        _view = new Canvas(this) { CanFocus = true };
        Actions = [new KeyAction(Key.X, "explode", () => throw new InvalidOperationException($"boom \u001b]0;pwned\u0007 key {secret} \u009b6n"))];
        Secret = secret;
    }

    public string Secret { get; }
    public bool ThrowOnDraw { get; set; }
    public int Draws { get; private set; }
    public string Title => "throwing pane";
    public View View => _view;
    public IReadOnlyList<KeyAction> Actions { get; }

    private sealed class Canvas(ThrowingPane pane) : View
    {
        protected override bool OnDrawingContent(DrawContext? context)
        {
            pane.Draws++;
            if (pane.ThrowOnDraw) throw new ArgumentException($"Only valid Unicode scalar values \u001b[2J with {pane.Secret}");
            Move(0, 0);
            AddStr(Content);
            return true;
        }
    }
}
