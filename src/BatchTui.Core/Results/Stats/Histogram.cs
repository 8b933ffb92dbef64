using BatchTui.Core.Results.Query;

namespace BatchTui.Core.Results.Stats;

/// <summary>One bucket of a histogram: [<see cref="From"/>, <see cref="To"/>), its count and share.</summary>
public sealed record HistogramBucket(string Label, long From, long To, int Count, double Percent, Func<ResultsFilter, ResultsFilter> Narrow);

/// <summary>
/// A log-scale histogram (<see cref="LogBuckets"/>) of one measure over <see cref="Of"/> results, from the lowest
/// filled bucket to the highest with the empty ones between kept (gaps are part of the picture).
/// </summary>
public sealed record Histogram(string Name, string Title, int Of, IReadOnlyList<HistogramBucket> Buckets)
{
    public static Histogram From(string name, string title, int[] counts, Func<long, long, string, Func<ResultsFilter, ResultsFilter>> narrow)
    {
        int of = counts.Sum();
        int first = Array.FindIndex(counts, c => c > 0), last = Array.FindLastIndex(counts, c => c > 0);
        var buckets = new List<HistogramBucket>();
        for (int b = first; b >= 0 && b <= last; b++)
        {
            long from = LogBuckets.From(b), to = LogBuckets.To(b);
            string label = LogBuckets.Label(b);
            buckets.Add(new HistogramBucket(label, from, to, counts[b], of == 0 ? 0 : 100.0 * counts[b] / of, narrow(from, to, label)));
        }
        return new Histogram(name, title, of, buckets);
    }

    /// <summary>Bucket counts for <see cref="From"/>: index = <see cref="LogBuckets.Of"/>.</summary>
    public static int[] NewCounts() => new int[LogBuckets.Of(long.MaxValue) + 1];
}
