namespace BatchTui.Tui.App;

/// <summary>The knobs the TUI takes from configuration (see TuiCommand).</summary>
public sealed record TuiOptions(int PageSize = 50, double RefreshSeconds = 5, string? Theme = null, bool NoColor = false)
{
    public TimeSpan RefreshInterval => TimeSpan.FromSeconds(Math.Max(0.5, RefreshSeconds));
}
