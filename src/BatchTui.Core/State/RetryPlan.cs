using BatchTui.Core.Api;

namespace BatchTui.Core.State;

/// <summary>
/// The outcome of "retry failed": the requests to send again, or why they cannot be known. <see cref="Missing"/>
/// lists failed custom_ids that the source does not hold (a different file was pointed at, say).
/// </summary>
public sealed record RetryPlan(
    string BatchId,
    IReadOnlyList<BatchRequestItem> Requests,
    IReadOnlyList<string> Missing,
    string Source,
    string? Problem)
{
    public bool Ok => Problem is null && Requests.Count > 0;

    /// <summary>One line for the flash bar or the CLI.</summary>
    public string Summary => Problem ?? (Missing.Count == 0
        ? $"{Requests.Count} failed requests of {BatchId} ready to retry (from {Source})"
        : $"{Requests.Count} failed requests of {BatchId} ready to retry (from {Source}); {Missing.Count} not found there: {string.Join(", ", Missing.Take(5))}{(Missing.Count > 5 ? ", ..." : "")}");
}
