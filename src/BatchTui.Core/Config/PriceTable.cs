using System.Text.RegularExpressions;

namespace BatchTui.Core.Config;

/// <summary>
/// Prices per model for the cost estimate (config <c>prices</c>; defaults in <see cref="DefaultPrices"/>). A model id
/// matches a key exactly, or as the key followed by a date (<c>claude-opus-4-1</c> prices
/// <c>claude-opus-4-1-20250805</c>); nothing else, so an unknown model never borrows a neighbour's price.
/// </summary>
public sealed partial class PriceTable
{
    /// <summary>The Message Batches API bills every token at half the standard price.</summary>
    public const decimal BatchDiscount = 0.5m;

    private readonly Dictionary<string, ModelPrice> _prices;

    public PriceTable(IReadOnlyDictionary<string, ModelPrice> prices) =>
        _prices = new Dictionary<string, ModelPrice>(prices, StringComparer.Ordinal);

    public static PriceTable Empty { get; } = new(new Dictionary<string, ModelPrice>());
    public static PriceTable Default { get; } = new(DefaultPrices.All);

    public IReadOnlyDictionary<string, ModelPrice> Prices => _prices;

    /// <summary>This table with <paramref name="overrides"/> added or replacing entries of the same model.</summary>
    public PriceTable With(IReadOnlyDictionary<string, ModelPrice> overrides)
    {
        var merged = new Dictionary<string, ModelPrice>(_prices, StringComparer.Ordinal);
        foreach (var (k, v) in overrides) merged[k] = v;
        return new PriceTable(merged);
    }

    /// <summary>The price of <paramref name="model"/>, or null when the table has none (never a guess).</summary>
    public ModelPrice? Find(string model)
    {
        if (_prices.TryGetValue(model, out ModelPrice? exact)) return exact;
        Match m = DatedId().Match(model);
        return m.Success && _prices.TryGetValue(m.Groups[1].Value, out ModelPrice? dated) ? dated : null;
    }

    /// <summary>The batch cost in USD of these tokens at <paramref name="price"/>, the batch discount applied.</summary>
    public static decimal Cost(ModelPrice price, long input, long output, long cacheWrite, long cacheRead) =>
        (input * price.Input + output * price.Output + cacheWrite * price.CacheWrite + cacheRead * price.CacheRead)
        / 1_000_000m * (1 - BatchDiscount);

    [GeneratedRegex(@"^(.+)-\d{8}$")]
    private static partial Regex DatedId();
}
