using BatchTui.Core.Config;
using BatchTui.Tui.Shell;

namespace BatchTui.Tui.Profiles;

/// <summary>
/// PROFILE HOOK: how the batch list switches profiles without a restart. TuiCommand, which knows how to build a
/// connection and its origin-keyed stores from a profile name, fills this in; while it is null <c>P</c> says profiles
/// are not available.
/// </summary>
/// <param name="Current">The profile in use.</param>
/// <param name="List">The profiles to offer, the current one among them (read again each time the picker opens).</param>
/// <param name="Open">Builds everything for a profile (API client, stores, panes) off the UI thread.</param>
public sealed record ProfileSwitch(
    string Current,
    Func<IReadOnlyList<ProfileSummary>> List,
    Func<string, CancellationToken, Task<ProfileSession>> Open);

/// <summary>A profile opened and ready to take over: the header it shows and its new batch list.</summary>
/// <param name="Root">Builds the new root pane (the batch list) on the shell; it is started once shown.</param>
/// <param name="Activate">Called once the new root is shown: the previous profile's connection can go.</param>
/// <param name="Abandon">Called instead when the switch was given up (Esc while opening): this one goes.</param>
public sealed record ProfileSession(ShellInfo Info, Func<IShell, IRootPane> Root, Action Activate, Action Abandon);

/// <summary>A root pane that starts its own work (loading, auto-refresh) once it is on screen.</summary>
public interface IRootPane : IPane
{
    void Start(bool loaded = false);
}
