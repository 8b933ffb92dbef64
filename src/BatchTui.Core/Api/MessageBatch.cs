namespace BatchTui.Core.Api;

/// <summary>
/// One Message Batch as the API returned it. Immutable; <see cref="RawJson"/> is the exact object it was built from,
/// kept for the raw view.
/// </summary>
public sealed record MessageBatch(
    string Id,
    BatchStatus Status,
    RequestCounts Counts,
    DateTimeOffset CreatedAt,
    DateTimeOffset ExpiresAt,
    DateTimeOffset? EndedAt,
    DateTimeOffset? CancelInitiatedAt,
    DateTimeOffset? ArchivedAt,
    string? ResultsUrl,
    string RawJson)
{
    public bool IsEnded => Status == BatchStatus.Ended;
    public bool CanCancel => Status == BatchStatus.InProgress;
    public bool CanDelete => Status == BatchStatus.Ended;
    public bool ResultsAvailable => Status == BatchStatus.Ended && ArchivedAt is null;
}
