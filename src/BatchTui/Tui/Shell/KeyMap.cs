using Terminal.Gui.Input;

namespace BatchTui.Tui.Shell;

/// <summary>A pane's actions with read-only mode applied: the single source for dispatch, hints and help.</summary>
public sealed class KeyMap
{
    public KeyMap(IEnumerable<KeyAction> actions, bool readOnly)
    {
        List<KeyAction> all = actions.ToList();
        Actions = all.Where(a => !(readOnly && a.Dangerous)).ToList();
        Blocked = all.Where(a => readOnly && a.Dangerous).ToList();
    }

    public IReadOnlyList<KeyAction> Actions { get; }

    /// <summary>The dangerous actions read-only mode took away: their keys say so instead of doing nothing.</summary>
    public IReadOnlyList<KeyAction> Blocked { get; }

    public KeyAction? BlockedBy(Key key) => Blocked.FirstOrDefault(a => a.Key == key);

    /// <summary>Runs the action bound to <paramref name="key"/>; false when none is.</summary>
    public bool TryHandle(Key key)
    {
        KeyAction? action = Actions.FirstOrDefault(a => a.Key == key);
        if (action is null) return false;
        action.Handler();
        return true;
    }

    /// <summary>Status-bar hints, e.g. <c>r refresh</c>.</summary>
    public IEnumerable<string> Hints => Actions.Where(a => a.Hint).Select(a => $"{KeyText.Of(a.Key)} {a.Name}");
}
