using BatchTui.Tui.Text;
using BatchTui.Tui.Widgets;
using Terminal.Gui.Input;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;

namespace BatchTui.Tui.Shell;

/// <summary>The <c>?</c> overlay: every key of the pane below and the global ones, generated from their KeyActions.</summary>
public sealed class HelpPane : IPane
{
    private readonly TextLinesView _text;

    public HelpPane(string paneTitle, IReadOnlyList<KeyAction> paneActions, IReadOnlyList<KeyAction> globalActions, bool readOnly)
    {
        _text = new TextLinesView(Lines(paneTitle, paneActions, globalActions, readOnly)) { Width = Dim.Fill(), Height = Dim.Fill() };
        var frame = Frames.Titled($"Help: {paneTitle}", canFocus: true);
        frame.KeyBindings.Clear();
        frame.Add(_text);
        View = frame;
        Actions =
        [
            new KeyAction(Key.J, "scroll", () => _text.Scroll(1)),
            new KeyAction(Key.K, "scroll", () => _text.Scroll(-1)),
            new KeyAction(Key.CursorDown, "scroll", () => _text.Scroll(1), Hint: false),
            new KeyAction(Key.CursorUp, "scroll", () => _text.Scroll(-1), Hint: false),
            new KeyAction(Key.PageDown, "page", () => _text.Scroll(10), Hint: false),
            new KeyAction(Key.PageUp, "page", () => _text.Scroll(-10), Hint: false),
        ];
    }

    public string Title => "Help";
    public View View { get; }
    public IReadOnlyList<KeyAction> Actions { get; }
    public TextLinesView Text => _text;

    public static IReadOnlyList<StyledLine> Lines(string paneTitle, IReadOnlyList<KeyAction> pane, IReadOnlyList<KeyAction> global, bool readOnly)
    {
        var lines = new List<StyledLine>();
        if (readOnly) lines.Add(StyledLine.Of("read-only mode: cancel, delete and new are not available", Tone.Warning));
        lines.Add(StyledLine.Of(paneTitle, Tone.Label));
        lines.AddRange(Table(pane));
        lines.Add(StyledLine.Empty);
        lines.Add(StyledLine.Of("Everywhere", Tone.Label));
        lines.AddRange(Table(global));
        lines.Add(StyledLine.Of("  Esc          back (close the pane on top)", Tone.Normal));
        return lines;
    }

    // Keys sharing an action name share a row: "j ↓  move down".
    private static IEnumerable<StyledLine> Table(IReadOnlyList<KeyAction> actions)
    {
        foreach (var group in actions.GroupBy(a => (a.Name, a.Description ?? a.Name)))
        {
            string keys = string.Join(" ", group.Select(a => KeyText.Of(a.Key)).Distinct());
            bool dangerous = group.Any(a => a.Dangerous);
            yield return new LineBuilder()
                .Add("  ").Cell(keys, 12, Tone.Accent).Add(" ")
                .Add(group.Key.Item2, dangerous ? Tone.Warning : Tone.Normal)
                .Add(dangerous ? "  (changes the server)" : "", Tone.Dim)
                .Build();
        }
    }
}
