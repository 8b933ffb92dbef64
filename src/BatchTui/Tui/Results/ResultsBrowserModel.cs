using BatchTui.Core.Results.Index;
using BatchTui.Core.Results.Model;
using BatchTui.Core.Results.Query;
using BatchTui.Tui.Editor;

namespace BatchTui.Tui.Results;

/// <summary>
/// The results browser without a terminal: the index being filled, the filter and sort, the rows they select, the
/// selected row and its parsed detail. Filters combine; each cycle key walks only the values present in the file.
/// Not thread-safe: the UI thread owns it, background work hands results back through the UI loop.
/// </summary>
public sealed class ResultsBrowserModel
{
    private static readonly ResultKind[] KindCycle =
        [ResultKind.Succeeded, ResultKind.Errored, ResultKind.Canceled, ResultKind.Expired, ResultKind.Unknown, ResultKind.Unparseable];

    private readonly ResultsQuery _query;
    private SummaryAccumulator? _fileCounts;
    private ResultsSummary? _fileSummary;
    private (int Row, ResultDetail Detail)? _detail;

    public ResultsBrowserModel(ResultsIndex index, string title)
    {
        Index = index;
        Title = title;
        _query = new ResultsQuery(index);
        View = _query.Run(Filter, Sort, Descending);
    }

    public ResultsIndex Index { get; }
    public string Title { get; }
    public ResultsFilter Filter { get; private set; } = ResultsFilter.None;
    public ResultsSort Sort { get; private set; } = ResultsSort.FileOrder;
    public bool Descending { get; private set; }
    public ResultsView View { get; private set; }
    /// <summary>Position of the selected row in <see cref="View"/>, or -1 when the view is empty.</summary>
    public int Selected { get; private set; } = -1;
    /// <summary>Notes shown above the list (a count mismatch with the batch, "cached").</summary>
    public List<string> Notes { get; } = [];

    public int? SelectedRow => Selected >= 0 && Selected < View.Count ? View[Selected] : null;

    /// <summary>Counts over the whole file (all rows indexed so far): only rows new since the last call are added.</summary>
    public ResultsSummary FileSummary
    {
        get
        {
            _fileCounts ??= new SummaryAccumulator(Index);
            if (_fileSummary is null || _fileCounts.Rows != Index.Count)
            {
                for (int row = _fileCounts.Rows, end = Index.Count; row < end; row++) _fileCounts.Add(row);
                _fileSummary = _fileCounts.ToSummary();
            }
            return _fileSummary;
        }
    }

    /// <summary>Re-runs the query (after a filter change, or as the index grows), keeping the selected row if it is still shown.</summary>
    public void Refresh(CancellationToken ct = default)
    {
        int? keep = SelectedRow;
        View = _query.Run(Filter, Sort, Descending, ct);
        int pos = keep is { } row ? View.PositionOf(row) : -1;
        Selected = pos >= 0 ? pos : View.Count > 0 ? Math.Clamp(Selected, 0, View.Count - 1) : -1;
    }

    /// <summary>True when the index has grown since the view was made.</summary>
    public bool Stale => View.IndexedRows != Index.Count;

    public void Select(int position)
    {
        Selected = View.Count == 0 ? -1 : Math.Clamp(position, 0, View.Count - 1);
    }

    public void Move(int delta) => Select(Selected < 0 ? 0 : Selected + delta);

    /// <summary>The parsed selected record (read from the file now, cached for the current row).</summary>
    public ResultDetail? Detail
    {
        get
        {
            if (SelectedRow is not { } row) return null;
            if (_detail is { } d && d.Row == row) return d.Detail;
            ResultDetail detail = ResultDetail.Parse(Index.ReadLine(row), knownProblem: Index.Problem(row));
            _detail = (row, detail);
            return detail;
        }
    }

    // ---- filters ---------------------------------------------------------------------------------------------------

    public void CycleKind()
    {
        ResultKind? current = Filter.Kinds is { Count: 1 } k ? k.First() : null;
        var present = KindCycle.Where(kind => FileSummary.Count(kind) > 0).ToList();
        int at = current is { } c ? present.IndexOf(c) : -1;
        ResultKind? next = at + 1 < present.Count ? present[at + 1] : null;
        Filter = Filter with { Kinds = next is { } n ? new HashSet<ResultKind> { n } : null };
        Refresh();
    }

    public void CycleStopReason()
    {
        Filter = Filter with { StopReason = Next(Filter.StopReason, FileSummary.StopReasons.Select(kv => kv.Key)) };
        Refresh();
    }

    public void CycleErrorType()
    {
        Filter = Filter with { ErrorType = Next(Filter.ErrorType, FileSummary.ErrorTypes.Select(kv => kv.Key)) };
        Refresh();
    }

    public void SetGlob(string? glob)
    {
        Filter = Filter with { CustomIdGlob = string.IsNullOrWhiteSpace(glob) ? null : glob.Trim() };
        Refresh();
    }

    /// <summary>Runs the full-text scan for <paramref name="text"/> (any thread) so that <see cref="SetText"/> finds it cached.</summary>
    public void WarmSearch(string text, CancellationToken ct) => _query.Run(ResultsFilter.None with { Text = text }, ct: ct);

    public void SetText(string? text)
    {
        Filter = Filter with { Text = string.IsNullOrEmpty(text) ? null : text };
        Refresh();
    }

    /// <summary>Replaces the filter (the stats pane's Enter narrows it to a row or bucket).</summary>
    public void SetFilter(ResultsFilter filter)
    {
        Filter = filter;
        Refresh();
    }

    public void ClearFilters()
    {
        Filter = ResultsFilter.None;
        Refresh();
    }

    public void CycleSort()
    {
        Sort = Sort.Next();
        // Tokens read best largest-first; ids and file order ascending.
        Descending = Sort is ResultsSort.TotalTokens or ResultsSort.InputTokens or ResultsSort.OutputTokens;
        Refresh();
    }

    public void ReverseSort()
    {
        Descending = !Descending;
        Refresh();
    }

    private static string? Next(string? current, IEnumerable<string> values)
    {
        var list = values.ToList();
        int at = current is null ? -1 : list.IndexOf(current);
        return at + 1 < list.Count ? list[at + 1] : null;
    }

    // ---- text for the header ---------------------------------------------------------------------------------------

    public string CountsLine()
    {
        ResultsSummary s = FileSummary;
        string kinds = string.Join(" · ", Enum.GetValues<ResultKind>().Where(k => s.Count(k) > 0).Select(k => $"{s.Count(k):N0} {k.ToWire()}"));
        return $"{s.Rows:N0} result{(s.Rows == 1 ? "" : "s")}{(kinds.Length > 0 ? ": " + kinds : "")}";
    }

    public string TokensLine()
    {
        ResultsSummary s = FileSummary;
        return $"tokens in {s.InputTokens:N0} · out {s.OutputTokens:N0} · cache read {s.CacheReadTokens:N0} · write {s.CacheCreationTokens:N0}";
    }

    public string HistogramLine()
    {
        ResultsSummary s = FileSummary;
        var parts = new List<string>();
        if (s.StopReasons.Count > 0) parts.Add("stop: " + string.Join(" · ", s.StopReasons.Select(kv => $"{kv.Key} {kv.Value:N0}")));
        if (s.ErrorTypes.Count > 0) parts.Add("errors: " + string.Join(" · ", s.ErrorTypes.Select(kv => $"{kv.Key} {kv.Value:N0}")));
        return string.Join(" │ ", parts);
    }

    public string FilterLine()
    {
        string shown = Filter.IsEmpty ? $"{View.Count:N0} shown" : $"{View.Count:N0} of {Index.Count:N0} match {Filter.Describe()}";
        return $"{shown} · sort {Sort.Describe()}{(Descending ? " ↓" : "")}";
    }
}
