using BatchTui.Tui.Text;
using BatchTui.Tui.Widgets;
using Terminal.Gui.Input;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;

namespace BatchTui.Tui.Shell;

/// <summary>
/// The <c>?</c> overlay: every key of the pane below and the global ones, generated from their key maps. An action
/// disabled now is dimmed, its reason under it.
/// </summary>
public sealed class HelpPane : IPane
{
    private const int KeysWidth = 12, ReasonWidth = 62;
    private readonly TextLinesView _text;

    public HelpPane(string paneTitle, KeyMap pane, KeyMap global, bool readOnly)
    {
        _text = new TextLinesView(Lines(paneTitle, pane, global, readOnly)) { Width = Dim.Fill(), Height = Dim.Fill() };
        var frame = Frames.Titled($"Help: {paneTitle}", canFocus: true);
        frame.KeyBindings.Clear();
        frame.Add(_text);
        View = frame;
        Actions = [.. ScrollKeys.For(_text)];
    }

    public string Title => "Help";
    public View View { get; }
    public IReadOnlyList<KeyAction> Actions { get; }
    public TextLinesView Text => _text;

    public static IReadOnlyList<StyledLine> Lines(string paneTitle, KeyMap pane, KeyMap global, bool readOnly)
    {
        var lines = new List<StyledLine>();
        if (readOnly) lines.Add(StyledLine.Of($"{KeyMap.ReadOnlyReason}: cancel, delete and new are not available", Tone.Warning));
        lines.Add(StyledLine.Of(paneTitle, Tone.Label));
        lines.AddRange(Table(pane.HelpRows()));
        lines.Add(StyledLine.Empty);
        lines.Add(StyledLine.Of("Everywhere", Tone.Label));
        lines.AddRange(Table(global.HelpRows()));
        lines.Add(StyledLine.Of("  Esc          back (close the pane on top)", Tone.Normal));
        return lines;
    }

    private static IEnumerable<StyledLine> Table(IReadOnlyList<KeyGroup> rows)
    {
        foreach (KeyGroup row in rows)
        {
            Tone text = row.Disabled ? Tone.Dim : row.Dangerous ? Tone.Warning : Tone.Normal;
            yield return new LineBuilder()
                .Add("  ").Cell(row.Keys, KeysWidth, row.Disabled ? Tone.Dim : Tone.Accent).Add(" ")
                .Add(row.Text, text)
                .Add(row.Dangerous ? "  (changes the server)" : "", Tone.Dim)
                .Build();
            if (row.DisabledReason is not { } why) continue;
            // Under the row, wrapped to fit 80 columns: the reason names the batch, which may be long.
            string indent = new(' ', KeysWidth + 3);
            foreach (string part in TextWrap.Wrap("disabled: " + why, ReasonWidth))
                yield return StyledLine.Of(indent + part, Tone.Dim);
        }
    }
}
