using BatchTui.Core.Results.Index;

namespace BatchTui.Core.Results.Query;

/// <summary>The rows a filter and sort select, as row numbers into the index, and their summary.</summary>
public sealed class ResultsView
{
    private readonly int[] _rows;

    internal ResultsView(ResultsIndex index, int[] rows, ResultsFilter filter, ResultsSort sort, bool descending, int indexedRows)
    {
        Index = index;
        _rows = rows;
        Filter = filter;
        Sort = sort;
        Descending = descending;
        IndexedRows = indexedRows;
    }

    public ResultsIndex Index { get; }
    public ResultsFilter Filter { get; }
    public ResultsSort Sort { get; }
    public bool Descending { get; }
    /// <summary>How many rows were indexed when this view was made (the index may have grown since).</summary>
    public int IndexedRows { get; }
    public int Count => _rows.Length;
    /// <summary>The index row shown at position <paramref name="position"/>.</summary>
    public int this[int position] => _rows[position];
    public IReadOnlyList<int> Rows => _rows;

    private ResultsSummary? _summary;
    public ResultsSummary Summary => _summary ??= ResultsSummary.Of(Index, _rows);

    /// <summary>The position of index row <paramref name="row"/>, or -1 (to keep the selection across re-queries).</summary>
    public int PositionOf(int row) => Array.IndexOf(_rows, row);
}
