using BatchTui.Core.Results.Index;

namespace BatchTui.Core.Results.Query;

/// <summary>
/// What one results line is, read on its own (no index): custom_id, type, its reason (stop_reason when succeeded,
/// error type when errored) and token counts; <see cref="Problem"/> says why a line is unparseable. <see cref="Model"/>
/// is the message's model, "" when none.
/// </summary>
public readonly record struct ResultLineFacts(
    string CustomId,
    ResultKind Kind,
    string Reason,
    int InputTokens,
    int OutputTokens,
    int CacheReadTokens,
    int CacheCreationTokens,
    string? Problem,
    string Model = "")
{
    public string StopReason => Kind == ResultKind.Succeeded ? Reason : "";
    public string ErrorType => Kind == ResultKind.Errored ? Reason : "";
}

/// <summary>
/// Classifies results lines one at a time with the indexer's own scanner, and applies a <see cref="ResultsFilter"/>
/// (type, stop_reason, error type, custom_id glob; combined with AND, as in the results browser) without keeping
/// anything per line: for streaming a file of any size in constant memory.
/// </summary>
public sealed class ResultLineFilter
{
    private readonly StringPool _pool = new();
    private readonly ResultsFilter _filter;
    private readonly GlobPattern? _glob;

    public ResultLineFilter(ResultsFilter filter)
    {
        if (!string.IsNullOrEmpty(filter.Text)) throw new ArgumentException("full-text search is not a streaming filter", nameof(filter));
        if (filter.Facets is { Count: > 0 }) throw new ArgumentException("stats facets are not a streaming filter", nameof(filter));
        _filter = filter;
        _glob = string.IsNullOrEmpty(filter.CustomIdGlob) ? null : new GlobPattern(filter.CustomIdGlob);
    }

    public bool IsEmpty => _filter.IsEmpty;

    public ResultLineFacts Read(ReadOnlySpan<byte> line)
    {
        var scan = new LineScan();
        LineScanner.Scan(line, _pool, ref scan);
        if (scan.Problem is not null)
            return new ResultLineFacts(scan.CustomId ?? "", ResultKind.Unparseable, "", 0, 0, 0, 0, scan.Problem);
        return new ResultLineFacts(scan.CustomId ?? "", scan.Kind, scan.Reason >= 0 ? _pool[scan.Reason] : "",
            scan.InputTokens, scan.OutputTokens, scan.CacheReadTokens, scan.CacheCreationTokens, null, _pool[scan.Model]);
    }

    public bool Matches(in ResultLineFacts f)
    {
        if (_filter.Kinds is { Count: > 0 } kinds && !kinds.Contains(f.Kind)) return false;
        if (_filter.StopReason is { } stop && (f.Kind != ResultKind.Succeeded || f.Reason != stop)) return false;
        if (_filter.ErrorType is { } error && (f.Kind != ResultKind.Errored || f.Reason != error)) return false;
        if (_glob is not null && !_glob.IsMatch(f.CustomId)) return false;
        return true;
    }
}
