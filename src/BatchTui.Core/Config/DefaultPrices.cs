namespace BatchTui.Core.Config;

/// <summary>
/// The prices shipped by default, standard USD per million tokens (input, output, 5-minute cache write, cache read),
/// copied from Anthropic's pricing page (platform.claude.com/docs/en/about-claude/pricing, "Model pricing"; the
/// older models from the same table at docs.anthropic.com/en/docs/about-claude/pricing). Only rows read there are
/// listed: a model missing here shows tokens only until the config's <c>prices</c> names it.
/// </summary>
public static class DefaultPrices
{
    public const string Source = "https://platform.claude.com/docs/en/about-claude/pricing";

    public static IReadOnlyDictionary<string, ModelPrice> All { get; } = new Dictionary<string, ModelPrice>(StringComparer.Ordinal)
    {
        ["claude-opus-4-8"] = new(5m, 25m, 6.25m, 0.50m),
        ["claude-opus-4-7"] = new(5m, 25m, 6.25m, 0.50m),
        ["claude-opus-4-6"] = new(5m, 25m, 6.25m, 0.50m),
        ["claude-opus-4-5"] = new(5m, 25m, 6.25m, 0.50m),
        ["claude-opus-4-1"] = new(15m, 75m, 18.75m, 1.50m),
        ["claude-opus-4-0"] = new(15m, 75m, 18.75m, 1.50m),
        ["claude-opus-4"] = new(15m, 75m, 18.75m, 1.50m),
        ["claude-sonnet-4-0"] = new(3m, 15m, 3.75m, 0.30m),
        ["claude-sonnet-4"] = new(3m, 15m, 3.75m, 0.30m),
        ["claude-3-7-sonnet"] = new(3m, 15m, 3.75m, 0.30m),
        ["claude-3-5-haiku"] = new(0.80m, 4m, 1m, 0.08m),
        ["claude-3-haiku"] = new(0.25m, 1.25m, 0.30m, 0.03m),
    };
}
