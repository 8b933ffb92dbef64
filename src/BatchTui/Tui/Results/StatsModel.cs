using BatchTui.Core.Config;
using BatchTui.Core.Results.Index;
using BatchTui.Core.Results.Query;
using BatchTui.Core.Results.Stats;

namespace BatchTui.Tui.Results;

/// <summary>
/// The stats pane without a terminal: the stats of the rows a filter selected (the index part at once, the content
/// part when its background read ends), the report lines for a width, and the selected row or bucket. The UI thread
/// owns it; only <see cref="ScanContent"/> runs elsewhere, and its progress counters are safe to read meanwhile.
/// </summary>
public sealed class StatsModel
{
    private readonly ResultsIndex _index;
    private readonly int[] _rows;
    private int _done, _todo = -1;
    private (int Width, bool WithContent, List<StatsLine> Lines)? _cache;

    public StatsModel(ResultsIndex index, IReadOnlyList<int> rows, ResultsFilter filter, PriceTable prices)
    {
        _index = index;
        _rows = rows.ToArray();
        Filter = filter;
        IndexPart = IndexStats.Of(index, _rows, prices);
    }

    public ResultsFilter Filter { get; }
    public IndexStats IndexPart { get; }
    public ContentStats? Content { get; private set; }
    /// <summary>Why the read of the lines stopped, when it failed.</summary>
    public string? ContentProblem { get; private set; }
    /// <summary>Position among the selectable lines (rows and buckets); -1 when there are none.</summary>
    public int Selected { get; private set; }

    /// <summary>Reads the lines (any thread; cancellable). Hand the result to <see cref="SetContent"/> on the UI thread.</summary>
    public ContentStats ScanContent(CancellationToken ct) =>
        ContentStats.Scan(_index, _rows, (done, todo) => { Volatile.Write(ref _todo, todo); Volatile.Write(ref _done, done); }, ct);

    public void SetContent(ContentStats content)
    {
        Content = content;
        _cache = null;
    }

    public void SetContentProblem(string problem)
    {
        ContentProblem = problem;
        _cache = null;
    }

    /// <summary>"reading the lines … 40% (12,000 of 30,000)" while the content part is being read.</summary>
    public string Pending()
    {
        if (ContentProblem is { } p) return $"block types, tools, citation domains and text length: {p}";
        int todo = Volatile.Read(ref _todo), done = Volatile.Read(ref _done);
        return todo <= 0 ? "reading the lines for block types, tools, citation domains and text length…"
            : $"reading the lines for block types, tools, citation domains and text length… {100 * done / todo}% ({done:N0} of {todo:N0})";
    }

    /// <summary>How far the read of the lines is, 0..100; null once it has ended.</summary>
    public int? ReadingPercent
    {
        get
        {
            if (!Reading) return null;
            int todo = Volatile.Read(ref _todo), done = Volatile.Read(ref _done);
            return todo <= 0 ? 0 : 100 * done / todo;
        }
    }

    public bool Reading => Content is null && ContentProblem is null;

    public IReadOnlyList<StatsLine> Lines(int width)
    {
        bool withContent = Content is not null;
        if (_cache is { } c && c.Width == width && c.WithContent == withContent && !Reading) return c.Lines;
        var lines = StatsReport.Lines(new ResultsStats(IndexPart, Content), width, Pending());
        _cache = (width, withContent, lines);
        return lines;
    }

    /// <summary>The line index of the selected row in <paramref name="lines"/>, or -1.</summary>
    public int SelectedLine(IReadOnlyList<StatsLine> lines)
    {
        int n = -1;
        for (int i = 0; i < lines.Count; i++)
            if (lines[i].Narrow is not null && ++n == Selected) return i;
        return -1;
    }

    public void Move(int delta, IReadOnlyList<StatsLine> lines)
    {
        int count = lines.Count(l => l.Narrow is not null);
        Selected = count == 0 ? -1 : Math.Clamp(Selected + delta, 0, count - 1);
    }

    /// <summary>The filter narrowed to the selected row, or null when nothing is selected.</summary>
    public ResultsFilter? Narrowed(IReadOnlyList<StatsLine> lines)
    {
        int at = SelectedLine(lines);
        return at >= 0 ? lines[at].Narrow!(Filter) : null;
    }
}
