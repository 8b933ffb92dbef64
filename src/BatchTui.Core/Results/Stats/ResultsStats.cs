using BatchTui.Core.Config;
using BatchTui.Core.Results.Index;

namespace BatchTui.Core.Results.Stats;

/// <summary>The stats of a set of results: the index part at once, the content part once its read of the lines ends.</summary>
public sealed record ResultsStats(IndexStats Index, ContentStats? Content)
{
    /// <summary>Both parts on the calling thread (the CLI, tests).</summary>
    public static ResultsStats Compute(ResultsIndex index, IReadOnlyList<int> rows, PriceTable prices, CancellationToken ct = default) =>
        new(IndexStats.Of(index, rows, prices, ct), ContentStats.Scan(index, rows, ct: ct));

    /// <summary>Every table, index ones first, then the content ones when read.</summary>
    public IEnumerable<FrequencyTable> Tables => Index.Tables.Concat(Content?.Tables ?? []);

    public IEnumerable<Histogram> Histograms => Content is null ? Index.Histograms : [.. Index.Histograms, Content.TextLength];
}
