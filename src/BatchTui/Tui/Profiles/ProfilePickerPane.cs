using BatchTui.Core.Config;
using BatchTui.Core.Text;
using BatchTui.Tui.Shell;
using BatchTui.Tui.Text;
using BatchTui.Tui.Widgets;
using Terminal.Gui.Input;
using Terminal.Gui.ViewBase;

namespace BatchTui.Tui.Profiles;

/// <summary>
/// <c>P</c>: the profiles from config, the one in use marked, each with where it points and, when it cannot be used
/// (no key), why. Enter switches to another one in place: a new API client, stores and batch list; Esc closes.
/// </summary>
public sealed class ProfilePickerPane : IPane
{
    private readonly IShell _shell;
    private readonly ProfileSwitch _switch;
    private readonly string _current;
    private readonly IReadOnlyList<ProfileSummary> _profiles;
    private readonly ProfileListView _list;
    private bool _opening;

    public ProfilePickerPane(IShell shell, ProfileSwitch profiles)
    {
        _shell = shell;
        _switch = profiles;
        _current = profiles.Current;
        _profiles = profiles.List();
        _list = new ProfileListView(this) { Width = Dim.Fill(), Height = Dim.Fill() };
        Selected = Math.Max(0, _profiles.ToList().FindIndex(p => p.Name == _current));
        var frame = Frames.Titled("Profiles", canFocus: true);
        frame.KeyBindings.Clear();
        frame.Add(_list);
        View = frame;
        Actions =
        [
            new KeyAction(Key.J, "move", () => Move(1), Description: "down one profile"),
            new KeyAction(Key.K, "move", () => Move(-1), Description: "up one profile"),
            new KeyAction(Key.CursorDown, "move", () => Move(1), Hint: false, Description: "down one profile"),
            new KeyAction(Key.CursorUp, "move", () => Move(-1), Hint: false, Description: "up one profile"),
            new KeyAction(Key.Enter, "switch", Choose, Description: "switch to this profile (no restart)"),
        ];
    }

    public string Title => "Profiles";
    public View View { get; }
    public IReadOnlyList<KeyAction> Actions { get; }
    public int Selected { get; private set; }
    public IReadOnlyList<ProfileSummary> Profiles => _profiles;

    private void Move(int delta)
    {
        Selected = Math.Clamp(Selected + delta, 0, Math.Max(0, _profiles.Count - 1));
        _list.SetNeedsDraw();
    }

    private void Choose()
    {
        if (_profiles.Count == 0 || _opening) return;
        ProfileSummary p = _profiles[Selected];
        if (p.Name == _current)
        {
            _shell.Flash($"already using profile {p.Name}");
            return;
        }
        if (p.Unusable is { } why)
        {
            _shell.FlashProblem($"cannot switch to {p.Name}: {UntrustedText.ForTerminal(why)}");
            return;
        }
        _opening = true;
        _shell.Flash($"opening profile {p.Name}…");
        _shell.Run(async ct =>
        {
            try
            {
                ProfileSession session = await _switch.Open(p.Name, ct).ConfigureAwait(false);
                _shell.Post(() =>
                {
                    // Esc while it opened: this picker is gone, and the switch with it.
                    if (ct.IsCancellationRequested) { session.Abandon(); return; }
                    IRootPane root = _shell.SwitchRoot(session.Info, session.Root);
                    session.Activate();
                    root.Start();
                    _shell.Flash($"switched to profile {p.Name} ({p.Where})");
                });
            }
            finally
            {
                _shell.Post(() => _opening = false);
            }
        }, this);
    }

    /// <summary>One row per profile: the marker of the one in use, its name, where it points, read-only, why not.</summary>
    internal StyledLine Row(int i, int width)
    {
        ProfileSummary p = _profiles[i];
        bool current = p.Name == _current, selected = i == Selected;
        var line = new LineBuilder()
            .Add(selected ? "▶ " : "  ", Tone.Accent)
            .Add(current ? "● " : "  ", Tone.Accent)
            .Cell(UntrustedText.ForTerminal(p.Name), 16, current ? Tone.Label : Tone.Normal).Add(" ");
        if (p.Unusable is { } why) line.Add(UntrustedText.ForTerminal(why), Tone.Warning);
        else
        {
            line.Add(UntrustedText.ForTerminal(p.Where));
            if (p.Options?.Workspace is { } ws) line.Add("  workspace " + UntrustedText.ForTerminal(ws), Tone.Dim);
            if (p.Options?.ReadOnly == true) line.Add("  read-only", Tone.Warning);
        }
        if (current) line.Add("  (in use)", Tone.Dim);
        return line.Build();
    }

    private sealed class ProfileListView(ProfilePickerPane pane) : OpaqueView
    {
        protected override bool OnDrawingContent(DrawContext? context)
        {
            for (int y = 0; y < Viewport.Height; y++)
            {
                StyledLine line = y < pane._profiles.Count ? pane.Row(y, Viewport.Width)
                    : y == pane._profiles.Count + 1 ? StyledLine.Of("  Enter switches (no restart: caches, labels and drafts stay per origin)", Tone.Dim)
                    : StyledLine.Empty;
                LinePainter.Paint(this, 0, y, line, Viewport.Width);
            }
            return true;
        }
    }
}
