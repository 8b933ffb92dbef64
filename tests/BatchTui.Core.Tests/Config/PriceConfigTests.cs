using BatchTui.Core.Config;

namespace BatchTui.Core.Tests.Config;

/// <summary>The price table: shipped defaults, the config's <c>prices</c> over them, and no guessed prices.</summary>
public sealed class PriceConfigTests
{
    [Fact]
    public void Config_prices_add_models_and_replace_defaults_and_the_rest_stay()
    {
        using var dir = new TempConfigDir("""
            { "prices": {
                "claude-sonnet-4-6": { "input": 3, "output": 15, "cacheWrite": 3.75, "cacheRead": 0.3 },
                "claude-opus-4-8":   { "input": 1, "output": 2, "cacheWrite": 3, "cacheRead": 0.5 } } }
            """);
        PriceTable prices = ConfigLoader.Load([], new Dictionary<string, string?>(), dir.File).Options.Prices;
        Assert.Equal(new ModelPrice(3m, 15m, 3.75m, 0.3m), prices.Find("claude-sonnet-4-6"));
        Assert.Equal(new ModelPrice(1m, 2m, 3m, 0.5m), prices.Find("claude-opus-4-8"));
        Assert.Equal(DefaultPrices.All["claude-opus-4-1"], prices.Find("claude-opus-4-1"));
    }

    [Fact]
    public void A_price_with_a_missing_or_bad_field_is_refused_with_its_name()
    {
        using var missing = new TempConfigDir("""{ "prices": { "m": { "input": 3, "output": 15, "cacheWrite": 3.75 } } }""");
        var e = Assert.Throws<ConfigException>(() => ConfigLoader.Load([], new Dictionary<string, string?>(), missing.File));
        Assert.Contains("prices.m.cacheRead", e.Message);
        using var bad = new TempConfigDir("""{ "prices": { "m": { "input": "cheap", "output": 15, "cacheWrite": 3.75, "cacheRead": 1 } } }""");
        e = Assert.Throws<ConfigException>(() => ConfigLoader.Load([], new Dictionary<string, string?>(), bad.File));
        Assert.Contains("prices.m.input", e.Message);
        using var negative = new TempConfigDir("""{ "prices": { "m": { "input": -1, "output": 15, "cacheWrite": 3.75, "cacheRead": 1 } } }""");
        Assert.Throws<ConfigException>(() => ConfigLoader.Load([], new Dictionary<string, string?>(), negative.File));
    }

    [Fact]
    public void A_model_matches_its_key_or_the_key_with_a_date_and_never_a_neighbour()
    {
        PriceTable t = PriceTable.Default;
        Assert.Equal(DefaultPrices.All["claude-opus-4-1"], t.Find("claude-opus-4-1-20250805"));
        Assert.Equal(DefaultPrices.All["claude-opus-4"], t.Find("claude-opus-4-20250514"));
        Assert.Equal(DefaultPrices.All["claude-3-haiku"], t.Find("claude-3-haiku-20240307"));
        Assert.Null(t.Find("claude-opus-4-5-preview"));   // not a date: no price borrowed from claude-opus-4-5
        Assert.Null(t.Find("claude-opus-4-9"));           // a neighbour of claude-opus-4-8, not it
        Assert.Null(t.Find("claude-sonnet-4-6"));         // not shipped: its cache prices were not read at the source
        Assert.Null(PriceTable.Empty.Find("claude-opus-4-8"));
    }

    [Fact]
    public void Cost_is_per_million_tokens_at_half_the_standard_price()
    {
        var p = new ModelPrice(Input: 3m, Output: 15m, CacheWrite: 3.75m, CacheRead: 0.30m);
        // 2M in = $6, 1M out = $15, 1M write = $3.75, 10M read = $3: $27.75 standard, $13.875 in a batch.
        Assert.Equal(13.875m, PriceTable.Cost(p, 2_000_000, 1_000_000, 1_000_000, 10_000_000));
        Assert.Equal(0m, PriceTable.Cost(p, 0, 0, 0, 0));
    }
}
