using BatchTui.Core.Results.Index;

namespace BatchTui.Core.Results.Query;

/// <summary>
/// Runs a filter and sort over the rows indexed so far. The full-text part is the only one that reads the file; its
/// hits are cached per needle so that changing another filter does not search again.
/// </summary>
public sealed class ResultsQuery(ResultsIndex index)
{
    private string? _cachedNeedle;
    private bool[]? _cachedHits;
    private readonly Lock _gate = new();

    public ResultsIndex Index => index;

    public ResultsView Run(ResultsFilter filter, ResultsSort sort = ResultsSort.FileOrder, bool descending = false, CancellationToken ct = default)
    {
        int rows = index.Count;
        bool[]? hits = string.IsNullOrEmpty(filter.Text) ? null : TextHits(filter.Text, rows, ct);
        short stop = filter.StopReason is null ? (short)-2 : index.Strings.Find(filter.StopReason);
        short error = filter.ErrorType is null ? (short)-2 : index.Strings.Find(filter.ErrorType);
        GlobPattern? glob = string.IsNullOrEmpty(filter.CustomIdGlob) ? null : new GlobPattern(filter.CustomIdGlob);
        var selected = new List<int>(filter.IsEmpty ? rows : 256);
        for (int r = 0; r < rows; r++)
        {
            if ((r & 0xFFFF) == 0) ct.ThrowIfCancellationRequested();
            ResultEntry e = index[r];
            if (filter.Kinds is { Count: > 0 } kinds && !kinds.Contains(e.Kind)) continue;
            if (stop != -2 && (e.Kind != ResultKind.Succeeded || e.ReasonId != stop)) continue;
            if (error != -2 && (e.Kind != ResultKind.Errored || e.ReasonId != error)) continue;
            if (hits is not null && (r >= hits.Length || !hits[r])) continue;
            if (glob is not null && !glob.IsMatch(e.CustomId)) continue;
            if (filter.Facets is { Count: > 0 } facets && !facets.All(f => f.Matches(index, r))) continue;
            selected.Add(r);
        }
        int[] result = selected.ToArray();
        SortRows(result, sort, descending);
        return new ResultsView(index, result, filter, sort, descending, rows);
    }

    private bool[] TextHits(string needle, int rows, CancellationToken ct)
    {
        lock (_gate)
        {
            if (_cachedNeedle == needle && _cachedHits is not null && _cachedHits.Length == rows) return _cachedHits;
        }
        bool[] hits = FullTextSearch.Search(index, needle, ct);
        lock (_gate)
        {
            _cachedNeedle = needle;
            _cachedHits = hits;
        }
        return hits;
    }

    private void SortRows(int[] rows, ResultsSort sort, bool descending)
    {
        if (sort == ResultsSort.FileOrder)
        {
            if (descending) Array.Reverse(rows);
            return;
        }
        Comparison<int> byKey = sort switch
        {
            ResultsSort.CustomId => (a, b) => string.CompareOrdinal(index[a].CustomId, index[b].CustomId),
            ResultsSort.InputTokens => (a, b) => index[a].InputTokens.CompareTo(index[b].InputTokens),
            ResultsSort.OutputTokens => (a, b) => index[a].OutputTokens.CompareTo(index[b].OutputTokens),
            _ => (a, b) => index[a].TotalTokens.CompareTo(index[b].TotalTokens),
        };
        // Stable: ties keep file order, whichever direction.
        Comparison<int> cmp = descending ? (a, b) => { int c = byKey(b, a); return c != 0 ? c : a.CompareTo(b); }
        : (a, b) => { int c = byKey(a, b); return c != 0 ? c : a.CompareTo(b); };
        Array.Sort(rows, cmp);
    }
}
