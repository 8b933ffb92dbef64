using BatchTui.Core.Api;

namespace BatchTui.Core.Results.Store;

/// <summary>
/// A batch's results on disk. <see cref="FromCache"/> is true when no download was needed (the file was already
/// there, possibly for a batch since archived or deleted on the server).
/// </summary>
public sealed record CachedResults(
    string BatchId,
    string Path,
    bool FromCache,
    long Bytes,
    long Lines,
    RequestCounts? Expected,
    DateTimeOffset DownloadedAt)
{
    /// <summary>What the store did that the reader should know, e.g. a cached copy for other counts replaced; null if nothing.</summary>
    public string? Note { get; init; }

    /// <summary>A mismatch between the lines in the file and the batch's request counts, in words; null when they agree.</summary>
    public string? LineCountMismatch => Expected is { } e && e.Results != Lines
        ? $"the batch reports {e.Results:N0} results but the file has {Lines:N0} lines"
        : null;
}
