using Microsoft.Extensions.Configuration;
using System.Globalization;

namespace BatchTui.Core.Config;

/// <summary>
/// Reads the config's <c>prices</c> section: one object per model id with <c>input</c>, <c>output</c>,
/// <c>cacheWrite</c> and <c>cacheRead</c>, standard USD per million tokens (the batch discount is applied later).
/// Every field is required: a half-filled price would make a confident wrong estimate.
/// </summary>
internal static class PriceConfig
{
    private static readonly string[] Fields = ["input", "output", "cacheWrite", "cacheRead"];

    public static IReadOnlyDictionary<string, ModelPrice> Read(IConfigurationSection section, string file)
    {
        var prices = new Dictionary<string, ModelPrice>(StringComparer.Ordinal);
        foreach (IConfigurationSection model in section.GetChildren())
        {
            var values = new decimal[Fields.Length];
            for (int i = 0; i < Fields.Length; i++)
            {
                string? raw = model[Fields[i]];
                if (!decimal.TryParse(raw?.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out decimal v) || v < 0 || v > 100_000)
                    throw new ConfigException($"prices.{model.Key}.{Fields[i]} '{raw}' in {file} must be a price in USD per million tokens (a number, 0 or more)");
                values[i] = v;
            }
            prices[model.Key] = new ModelPrice(values[0], values[1], values[2], values[3]);
        }
        return prices;
    }
}
