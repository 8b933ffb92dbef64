using Terminal.Gui.App;

namespace BatchTui.Tui.Shell;

/// <summary>
/// What a pane may ask of the application around it; the one contract every pane depends on (never AppShell itself).
/// The stack (<see cref="Push"/>, <see cref="Pop"/>), the one background runner (<see cref="Run"/>) and the UI loop
/// (<see cref="Post"/>), the prompt line, the confirmation box, the flash bar and the clipboard.
/// </summary>
public interface IShell
{
    /// <summary>The application the panes live in (timers, the terminal driver).</summary>
    IApplication App { get; }
    /// <summary>Started with <c>--read-only</c> (or browsing a file): dangerous actions are disabled.</summary>
    bool ReadOnly { get; }

    /// <summary>Shows <paramref name="pane"/> on top; the one below is hidden and its flash goes.</summary>
    void Push(IPane pane);
    /// <summary>Closes the top pane: its background work is cancelled, its flash goes, it is disposed.</summary>
    void Pop();

    /// <summary>Replaces every pane with the one <paramref name="root"/> builds and the header with <paramref name="info"/>
    /// (a profile switch); the old panes' work is cancelled.</summary>
    TRoot SwitchRoot<TRoot>(ShellInfo info, Func<IShell, TRoot> root) where TRoot : IPane;

    /// <summary>A one-line message in the flash bar, owned by the top pane.</summary>
    void Flash(string message);
    /// <summary>An error in the flash bar: status, error.type, message, request-id for API errors.</summary>
    void FlashError(Exception error);

    /// <summary>The one clock: every timer and "3m ago" reads it, so tests move time instead of sleeping.</summary>
    TimeProvider Time { get; }

    /// <summary>A message raised by <paramref name="owner"/>, which may not be on top (its callback ran while the pane
    /// over it was closing): it shows once that pane is on top again.</summary>
    void Flash(string message, IPane? owner);

    /// <summary>A plain-text problem shown like an error (why an action is not possible now).</summary>
    void FlashProblem(string message);

    /// <summary>
    /// A failure that must not end the app (a bug, not an API or I/O error): a crash report is written and an error
    /// line shown. <paramref name="where"/> names what failed ("export", "search").
    /// </summary>
    void Contain(Exception error, string where);

    /// <summary>
    /// Asks before a dangerous action; <paramref name="yes"/> runs only on an explicit yes: the shell's y/n box, an
    /// overlay on the running loop (never a nested one).
    /// </summary>
    void Confirm(string title, IReadOnlyList<string> message, Action yes);

    /// <summary>
    /// THE runner for background work (I/O, parsing): off the UI thread, with a token cancelled when
    /// <paramref name="owner"/> (default: the top pane) is popped or the app quits. A failure becomes an error flash
    /// owned by that pane. Tests wait for it, never for a fixed delay.
    /// </summary>
    void Run(Func<CancellationToken, Task> work, IPane? owner = null);

    /// <summary>Queues <paramref name="action"/> on the UI loop (from any thread); dropped once the app quits.</summary>
    void Post(Action action);

    /// <summary>
    /// A one-line prompt in place of the flash bar (search, filter, jump, file names): <paramref name="changed"/> as
    /// the text changes, <paramref name="accept"/> on Enter, <paramref name="cancel"/> on Esc; focus goes back after.
    /// </summary>
    void Prompt(string label, string initial, Action<string>? changed, Action<string> accept, Action? cancel = null);

    /// <summary>Copies <paramref name="text"/> to the clipboard (OSC 52) and flashes what was copied.</summary>
    void Copy(string text, string what);

    /// <summary>The message on the flash bar (null: none), to take it back later with <see cref="Unflash"/>.</summary>
    FlashMessage? LastFlash { get; }
    /// <summary>Takes <paramref name="flash"/> off the bar if it is still the one shown (an error that is over).</summary>
    void Unflash(FlashMessage? flash);

    /// <summary>The zone times are shown in (header clock, detail pane).</summary>
    TimeZoneInfo Zone { get; }
    /// <summary>Switches the shown times between local time and UTC; returns the zone now shown.</summary>
    TimeZoneInfo ToggleZone();
    /// <summary>The auto-refresh state in the header, supplied by the batch list.</summary>
    Func<string>? RefreshText { get; set; }
    /// <summary>The header or a bar shows something else now (zone, refresh state): draw the shell again.</summary>
    void Redraw();
}
