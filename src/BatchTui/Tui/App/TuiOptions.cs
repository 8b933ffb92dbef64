namespace BatchTui.Tui.App;

/// <summary>The knobs the TUI takes from configuration (see TuiCommand).</summary>
public sealed record TuiOptions(int PageSize = 50, double RefreshSeconds = 5, string? Theme = null, bool NoColor = false)
{
    /// <summary>Null when auto-refresh is off (RefreshSeconds 0); <c>r</c> still refreshes.</summary>
    public TimeSpan? RefreshInterval => RefreshSeconds > 0 ? TimeSpan.FromSeconds(Math.Max(0.5, RefreshSeconds)) : null;
}
