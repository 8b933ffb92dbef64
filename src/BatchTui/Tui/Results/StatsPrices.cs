using BatchTui.Core.Config;

namespace BatchTui.Tui.Results;

/// <summary>
/// The price table the stats pane uses when opened from the results browser: set once at start-up from the resolved
/// config (the TUI and <c>open</c>), like the theme, so the browser need not carry config it has no other use for.
/// Tests hand their own table to <see cref="StatsPane"/> instead.
/// </summary>
public static class StatsPrices
{
    public static PriceTable Current { get; set; } = PriceTable.Default;
}
