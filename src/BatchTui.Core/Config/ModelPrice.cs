namespace BatchTui.Core.Config;

/// <summary>
/// A model's standard (not batch) prices in USD per million tokens, as the pricing page lists them. Cache write is the
/// 5-minute rate: the usage in a result does not say which lifetime a cache write had.
/// </summary>
public sealed record ModelPrice(decimal Input, decimal Output, decimal CacheWrite, decimal CacheRead);
