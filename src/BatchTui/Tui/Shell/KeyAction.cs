using Terminal.Gui.Input;

namespace BatchTui.Tui.Shell;

/// <summary>
/// One thing a user can do in a pane, declared once. The help overlay, the status-bar hints and read-only mode are all
/// derived from these (k9s' KeyAction, lazygit's Binding).
/// </summary>
/// <param name="Key">The key that runs it.</param>
/// <param name="Name">Short name shown in hints and help, e.g. "cancel".</param>
/// <param name="Handler">What it does; runs on the UI thread.</param>
/// <param name="Dangerous">Changes state on the server (cancel, delete, create): removed by <c>--read-only</c>.</param>
/// <param name="Hint">Shown in the status bar as well as in the help overlay.</param>
/// <param name="Description">Longer text for the help overlay; defaults to the name.</param>
public sealed record KeyAction(Key Key, string Name, Action Handler, bool Dangerous = false, bool Hint = true, string? Description = null);
