using BatchTui.Core.Config;

namespace BatchTui.Core.Results.Stats;

/// <summary>The tokens of one model's results and, when the price table has the model, their batch cost in USD.</summary>
public sealed record ModelCost(string Model, int Results, long Input, long Output, long CacheWrite, long CacheRead, ModelPrice? Price)
{
    /// <summary>Null when the model has no price: tokens only, never a guess.</summary>
    public decimal? Cost => Price is { } p ? PriceTable.Cost(p, Input, Output, CacheWrite, CacheRead) : null;
}

/// <summary>The cost estimate: per model, the sum of the priced ones, and which models had no price.</summary>
public sealed record CostEstimate(IReadOnlyList<ModelCost> Models)
{
    public decimal Total => Models.Sum(m => m.Cost ?? 0);
    public IReadOnlyList<ModelCost> Unpriced => Models.Where(m => m.Price is null && m.Input + m.Output + m.CacheWrite + m.CacheRead > 0).ToList();
    public bool Complete => Unpriced.Count == 0;
}
