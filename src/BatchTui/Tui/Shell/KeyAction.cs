using Terminal.Gui.Input;

namespace BatchTui.Tui.Shell;

/// <summary>
/// One thing a user can do in a pane, declared once. The help overlay, the status-bar hints, read-only mode and the
/// state rules are all derived from these (k9s' KeyAction, lazygit's Binding with its GetDisabledReason).
/// </summary>
/// <param name="Key">The key that runs it.</param>
/// <param name="Name">Short name shown in hints and help, e.g. "cancel".</param>
/// <param name="Handler">What it does; runs on the UI thread, only while the action is enabled.</param>
/// <param name="Dangerous">Changes state on the server (cancel, delete, create): removed by <c>--read-only</c>.</param>
/// <param name="Hint">Shown in the status bar as well as in the help overlay.</param>
/// <param name="Description">Longer text for the help overlay; defaults to the name.</param>
/// <param name="DisabledReason">Why the action cannot run now (null: it can), asked on every key, hint and help:
/// pressing it flashes the reason, help shows it dimmed with the reason, the hint is dimmed.</param>
public sealed record KeyAction(Key Key, string Name, Action Handler, bool Dangerous = false, bool Hint = true, string? Description = null,
    Func<string?>? DisabledReason = null)
{
    /// <summary>Null when the action may run now, else why not.</summary>
    public string? WhyDisabled() => DisabledReason?.Invoke();
}
