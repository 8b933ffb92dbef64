using Terminal.Gui.Input;

namespace BatchTui.Tui.Keys;

/// <summary>A pane's actions with read-only mode applied: the single source for dispatch, hints and help.</summary>
public sealed class KeyMap
{
    public KeyMap(IEnumerable<KeyAction> actions, bool readOnly)
    {
        Actions = actions.Where(a => !(readOnly && a.Dangerous)).ToList();
    }

    public IReadOnlyList<KeyAction> Actions { get; }

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
