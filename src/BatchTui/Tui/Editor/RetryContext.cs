using BatchTui.Core.State;

namespace BatchTui.Tui.Editor;

/// <summary>The editor is retrying the failed requests of <see cref="BatchId"/>.</summary>
internal sealed record RetryContext(string BatchId, IReadOnlyCollection<string> FailedCustomIds)
{
    public RetryIdMode Mode { get; set; } = RetryIdMode.SameIds;
    /// <summary>The requests file the user pointed at, when the batch is not in the journal.</summary>
    public string? OriginalFile { get; set; }
}
