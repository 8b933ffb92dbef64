using BatchTui.Core.Results.Index;

namespace BatchTui.Core.Results.Query;

/// <summary>
/// A <see cref="ResultsSummary"/> built row by row, so a summary of a file still being indexed grows with the new rows
/// instead of being counted again from the first one.
/// </summary>
public sealed class SummaryAccumulator(ResultsIndex index)
{
    private readonly int[] _kinds = new int[Enum.GetValues<ResultKind>().Length];
    private readonly Dictionary<short, int> _reasons = [];
    private readonly Dictionary<short, int> _errors = [];
    private readonly Dictionary<short, int> _models = [];
    private long _in, _out, _cacheRead, _cacheWrite;

    public int Rows { get; private set; }

    public void Add(int row)
    {
        ResultEntry e = index[row];
        Rows++;
        _kinds[(int)e.Kind]++;
        _in += e.InputTokens;
        _out += e.OutputTokens;
        _cacheRead += e.CacheReadTokens;
        _cacheWrite += e.CacheCreationTokens;
        if (e.ReasonId >= 0)
        {
            var target = e.Kind == ResultKind.Errored ? _errors : _reasons;
            target[e.ReasonId] = target.GetValueOrDefault(e.ReasonId) + 1;
        }
        if (e.ModelId >= 0) _models[e.ModelId] = _models.GetValueOrDefault(e.ModelId) + 1;
    }

    public ResultsSummary ToSummary()
    {
        var byKind = new Dictionary<ResultKind, int>();
        for (int k = 0; k < _kinds.Length; k++) if (_kinds[k] > 0) byKind[(ResultKind)k] = _kinds[k];
        return new ResultsSummary(Rows, byKind, _in, _out, _cacheRead, _cacheWrite, Histogram(_reasons), Histogram(_errors), Histogram(_models));
    }

    private List<KeyValuePair<string, int>> Histogram(Dictionary<short, int> counts) =>
        counts.Select(kv => KeyValuePair.Create(index.Strings[kv.Key], kv.Value))
            .OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key, StringComparer.Ordinal).ToList();
}
