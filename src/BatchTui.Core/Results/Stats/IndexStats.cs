using BatchTui.Core.Config;
using BatchTui.Core.Results.Index;
using BatchTui.Core.Results.Query;

namespace BatchTui.Core.Results.Stats;

/// <summary>
/// Everything the index alone answers for a set of rows, in one pass over their entries (no file read): result type,
/// stop_reason, error type and model tables; token histograms; token totals; the cost estimate.
/// </summary>
public sealed record IndexStats(
    int Results,
    IReadOnlyList<FrequencyTable> Tables,
    IReadOnlyList<Histogram> Histograms,
    TokenTotals Tokens,
    CostEstimate Cost)
{
    public static IndexStats Of(ResultsIndex index, IReadOnlyList<int> rows, PriceTable prices, CancellationToken ct = default)
    {
        var kinds = new int[Enum.GetValues<ResultKind>().Length];
        var stops = new Dictionary<short, int>();
        var errors = new Dictionary<short, int>();
        var models = new Dictionary<short, (int Results, long In, long Out, long Write, long Read)>();
        int[] input = Histogram.NewCounts(), output = Histogram.NewCounts(), cache = Histogram.NewCounts();
        long tin = 0, tout = 0, twrite = 0, tread = 0;
        for (int i = 0; i < rows.Count; i++)
        {
            if ((i & 0xFFFF) == 0) ct.ThrowIfCancellationRequested();
            ResultEntry e = index[rows[i]];
            kinds[(int)e.Kind]++;
            tin += e.InputTokens; tout += e.OutputTokens; twrite += e.CacheCreationTokens; tread += e.CacheReadTokens;
            if (e.Kind == ResultKind.Errored && e.ReasonId >= 0) errors[e.ReasonId] = errors.GetValueOrDefault(e.ReasonId) + 1;
            if (e.Kind != ResultKind.Succeeded) continue;
            if (e.ReasonId >= 0) stops[e.ReasonId] = stops.GetValueOrDefault(e.ReasonId) + 1;
            var m = models.GetValueOrDefault(e.ModelId);
            models[e.ModelId] = (m.Results + 1, m.In + e.InputTokens, m.Out + e.OutputTokens, m.Write + e.CacheCreationTokens, m.Read + e.CacheReadTokens);
            input[LogBuckets.Of(e.InputTokens)]++;
            output[LogBuckets.Of(e.OutputTokens)]++;
            cache[LogBuckets.Of(Cache(e))]++;
        }

        int succeeded = kinds[(int)ResultKind.Succeeded], errored = kinds[(int)ResultKind.Errored];
        string Named(short id) => id >= 0 ? index.Strings[id] : "(none)";
        var tables = new List<FrequencyTable>
        {
            FrequencyTables.Of("result_type", $"result type (of {rows.Count:N0} results)", rows.Count,
                Enumerable.Range(0, kinds.Length).Select(k => KeyValuePair.Create(((ResultKind)k).ToWire(), kinds[k])),
                v => f => f with { Kinds = ResultKindText.TryParse(v, out ResultKind k) ? new HashSet<ResultKind> { k } : f.Kinds }),
            FrequencyTables.Of("stop_reason", $"stop_reason (of {succeeded:N0} succeeded)", succeeded,
                stops.Select(kv => KeyValuePair.Create(Named(kv.Key), kv.Value)), v => f => f with { StopReason = v }),
            FrequencyTables.Of("error_type", $"error type (of {errored:N0} errored)", errored,
                errors.Select(kv => KeyValuePair.Create(Named(kv.Key), kv.Value)), v => f => f with { ErrorType = v }),
            FrequencyTables.Of("model", $"model (of {succeeded:N0} succeeded)", succeeded,
                models.Select(kv => KeyValuePair.Create(Named(kv.Key), kv.Value.Results)),
                v => f => f.WithFacet(ResultsFacet.Model(v == "(none)" ? "" : v))),
        };
        var histograms = new List<Histogram>
        {
            Histogram.From("input_tokens", $"input tokens (of {succeeded:N0} succeeded)", input, Narrow("input tokens", e => e.InputTokens)),
            Histogram.From("output_tokens", $"output tokens (of {succeeded:N0} succeeded)", output, Narrow("output tokens", e => e.OutputTokens)),
            Histogram.From("cache_tokens", $"cache tokens, read + write (of {succeeded:N0} succeeded)", cache, Narrow("cache tokens", Cache)),
        };
        var cost = new CostEstimate(models.OrderByDescending(kv => kv.Value.Results).ThenBy(kv => Named(kv.Key), StringComparer.Ordinal)
            .Select(kv => new ModelCost(Named(kv.Key), kv.Value.Results, kv.Value.In, kv.Value.Out, kv.Value.Write, kv.Value.Read,
                kv.Key >= 0 ? prices.Find(index.Strings[kv.Key]) : null))
            .ToList());
        return new IndexStats(rows.Count, tables, histograms, new TokenTotals(tin, tout, twrite, tread), cost);
    }

    private static long Cache(ResultEntry e) => (long)e.CacheCreationTokens + e.CacheReadTokens;

    // A bucket narrows to succeeded results whose measure falls in it (the histograms count only those).
    private static Func<long, long, string, Func<ResultsFilter, ResultsFilter>> Narrow(string name, Func<ResultEntry, long> measure) =>
        (from, to, label) => f => f.WithFacet(ResultsFacet.Range(name, label, e => e.Kind == ResultKind.Succeeded ? measure(e) : -1, from, to));
}

/// <summary>Token totals over a set of results.</summary>
public sealed record TokenTotals(long Input, long Output, long CacheWrite, long CacheRead)
{
    public long All => Input + Output + CacheWrite + CacheRead;
}
