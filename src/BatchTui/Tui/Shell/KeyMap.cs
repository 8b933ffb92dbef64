using Terminal.Gui.Input;

namespace BatchTui.Tui.Shell;

/// <summary>
/// A pane's actions with read-only mode applied: the single source for dispatch, hints and help. Read-only mode is one
/// disabled reason among others (<see cref="ReadOnlyReason"/>): it takes dangerous actions out of hints and help, and
/// their keys say why instead of doing nothing. Keys sharing an action name share a hint and a help row, grouped here
/// once for every caller.
/// </summary>
public sealed class KeyMap
{
    public const string ReadOnlyReason = "read-only mode";

    private readonly List<KeyAction> _all;

    public KeyMap(IEnumerable<KeyAction> actions, bool readOnly)
    {
        _all = actions.ToList();
        Actions = _all.Where(a => !(readOnly && a.Dangerous)).ToList();
        Blocked = _all.Where(a => readOnly && a.Dangerous).ToList();
    }

    /// <summary>The actions read-only mode left, enabled or not.</summary>
    public IReadOnlyList<KeyAction> Actions { get; }

    /// <summary>The dangerous actions read-only mode took away: their keys say so instead of doing nothing.</summary>
    public IReadOnlyList<KeyAction> Blocked { get; }

    public KeyAction? BlockedBy(Key key) => Blocked.FirstOrDefault(a => a.Key == key);

    /// <summary>What pressing a key read-only mode took away flashes (started with <c>--read-only</c>).</summary>
    public static string ReadOnlyRefusal(KeyAction action) => $"read-only: \"{action.Name}\" is turned off (started with --read-only)";

    /// <summary>Runs the action bound to <paramref name="key"/>; false when none is.</summary>
    public bool TryHandle(Key key) => TryHandle(key, out _);

    /// <summary>
    /// Runs the first enabled action bound to <paramref name="key"/> (one key may do one of several things: R downloads
    /// again or retries failed requests); false when none is bound. Else nothing runs and <paramref name="refused"/>
    /// says why (the shell flashes it): read-only mode when it took one away, else the first action's reason.
    /// </summary>
    public bool TryHandle(Key key, out string? refused)
    {
        refused = null;
        List<KeyAction> bound = Actions.Where(a => a.Key == key).ToList();
        foreach (KeyAction a in bound)
        {
            if (a.WhyDisabled() is not null) continue;
            a.Handler();
            return true;
        }
        if (BlockedBy(key) is { } blocked) refused = ReadOnlyRefusal(blocked);
        else if (bound.Count > 0) refused = bound[0].WhyDisabled();
        else return false;
        return true;
    }

    /// <summary>
    /// Status-bar hints in order, keys of one name together: <c>j/k move</c>. A disabled action is dimmed; one whose key
    /// has other actions too shows only while enabled (R: "download again" after a failed download, else "retry failed").
    /// </summary>
    public IReadOnlyList<KeyGroup> Hints() =>
        Actions.Where(a => a.Hint && (a.WhyDisabled() is null || _all.Count(o => o.Key == a.Key) == 1))
            .GroupBy(a => a.Name).Select(g => KeyGroup.Of(g.ToList(), "/", g.Key)).ToList();

    /// <summary>Help rows in order, keys of one action together: <c>j ↓  down one batch</c>.</summary>
    public IReadOnlyList<KeyGroup> HelpRows() =>
        Actions.GroupBy(a => (a.Name, a.Description ?? a.Name)).Select(g => KeyGroup.Of(g.ToList(), " ", g.Key.Item2)).ToList();
}

/// <summary>Keys that do one thing, as a hint or help row shows them.</summary>
/// <param name="Keys">"j/k" in a hint, "j ↓" in help.</param>
/// <param name="Text">The name (hint) or description (help).</param>
/// <param name="DisabledReason">Why it cannot run now; null when it can.</param>
public sealed record KeyGroup(string Keys, string Text, bool Dangerous, string? DisabledReason)
{
    public bool Disabled => DisabledReason is not null;

    internal static KeyGroup Of(IReadOnlyList<KeyAction> actions, string separator, string text) => new(
        string.Join(separator, actions.Select(a => KeyText.Of(a.Key)).Distinct()), text, actions.Any(a => a.Dangerous),
        actions.Select(a => a.WhyDisabled()).FirstOrDefault(r => r is not null));
}
