using BatchTui.Core.Config;

namespace BatchTui.Tui.Shell;

/// <summary>The knobs the TUI takes from configuration (see TuiCommand).</summary>
/// <param name="Notify">How a watched batch's end is announced; <paramref name="Tmux"/>: wrap it for tmux passthrough.</param>
public sealed record TuiOptions(int PageSize = 50, double RefreshSeconds = 5, string? Theme = null, bool NoColor = false,
    NotifyMode Notify = NotifyMode.Both, bool Tmux = false)
{
    /// <summary>Null when auto-refresh is off (RefreshSeconds 0); <c>r</c> still refreshes.</summary>
    public TimeSpan? RefreshInterval => RefreshSeconds > 0 ? TimeSpan.FromSeconds(Math.Max(0.5, RefreshSeconds)) : null;
}
