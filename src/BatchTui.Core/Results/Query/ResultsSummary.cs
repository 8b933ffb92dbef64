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
        var sum = new SummaryAccumulator(index);
        foreach (int row in rows) sum.Add(row);
        return sum.ToSummary();
    }

    public static ResultsSummary Of(ResultsIndex index) => Of(index, Enumerable.Range(0, index.Count));

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
