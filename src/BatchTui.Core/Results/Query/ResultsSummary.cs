using BatchTui.Core.Results.Index;

namespace BatchTui.Core.Results.Query;

/// <summary>Counts and token totals over a set of rows (the whole file or the current filter).</summary>
public sealed record ResultsSummary(
    int Rows,
    IReadOnlyDictionary<ResultKind, int> ByKind,
    long InputTokens,
    long OutputTokens,
    long CacheReadTokens,
    long CacheCreationTokens,
    IReadOnlyList<KeyValuePair<string, int>> StopReasons,
    IReadOnlyList<KeyValuePair<string, int>> ErrorTypes,
    IReadOnlyList<KeyValuePair<string, int>> Models)
{
    public int Count(ResultKind kind) => ByKind.TryGetValue(kind, out int n) ? n : 0;
    public int Unparseable => Count(ResultKind.Unparseable);

    public static ResultsSummary Of(ResultsIndex index, IEnumerable<int> rows)
    {
        var kinds = new int[Enum.GetValues<ResultKind>().Length];
        var reasons = new Dictionary<short, int>();
        var errors = new Dictionary<short, int>();
        var models = new Dictionary<short, int>();
        long inTok = 0, outTok = 0, cacheRead = 0, cacheWrite = 0;
        int n = 0;
        foreach (int row in rows)
        {
            ResultEntry e = index[row];
            n++;
            kinds[(int)e.Kind]++;
            inTok += e.InputTokens;
            outTok += e.OutputTokens;
            cacheRead += e.CacheReadTokens;
            cacheWrite += e.CacheCreationTokens;
            if (e.ReasonId >= 0)
            {
                var target = e.Kind == ResultKind.Errored ? errors : reasons;
                target[e.ReasonId] = target.GetValueOrDefault(e.ReasonId) + 1;
            }
            if (e.ModelId >= 0) models[e.ModelId] = models.GetValueOrDefault(e.ModelId) + 1;
        }
        var byKind = new Dictionary<ResultKind, int>();
        for (int k = 0; k < kinds.Length; k++) if (kinds[k] > 0) byKind[(ResultKind)k] = kinds[k];
        return new ResultsSummary(n, byKind, inTok, outTok, cacheRead, cacheWrite, Histogram(index, reasons), Histogram(index, errors), Histogram(index, models));
    }

    public static ResultsSummary Of(ResultsIndex index) => Of(index, Enumerable.Range(0, index.Count));

    private static List<KeyValuePair<string, int>> Histogram(ResultsIndex index, Dictionary<short, int> counts) =>
        counts.Select(kv => KeyValuePair.Create(index.Strings[kv.Key], kv.Value))
            .OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key, StringComparer.Ordinal).ToList();

    /// <summary>One line per part, for the header and the CLI, e.g. <c>100000 results: 95012 succeeded · 3001 errored …</c>.</summary>
    public IEnumerable<string> Lines()
    {
        string kinds = string.Join(" · ", Enum.GetValues<ResultKind>().Where(k => Count(k) > 0).Select(k => $"{Count(k)} {k.ToWire()}"));
        yield return $"{Rows} results{(kinds.Length > 0 ? ": " + kinds : "")}";
        yield return $"tokens in {InputTokens:N0} · out {OutputTokens:N0} · cache read {CacheReadTokens:N0} · cache write {CacheCreationTokens:N0}";
        if (StopReasons.Count > 0) yield return "stop: " + string.Join(" · ", StopReasons.Select(kv => $"{kv.Key} {kv.Value}"));
        if (ErrorTypes.Count > 0) yield return "errors: " + string.Join(" · ", ErrorTypes.Select(kv => $"{kv.Key} {kv.Value}"));
    }
}
