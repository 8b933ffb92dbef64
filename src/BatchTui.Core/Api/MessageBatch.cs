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
    /// <summary>
    /// Why the API's object for this batch could not be read in full (a field missing or of the wrong type); null for a
    /// well-formed batch. A malformed batch is still listed, with what is known (its id, its raw JSON), so one bad item
    /// fails its own row rather than the page; every action on it is refused with this reason.
    /// </summary>
    public string? Malformed { get; init; }

    /// <summary>Why no action may address this batch (malformed, or an id the app will not put in a URL); null when actions may.</summary>
    public string? Unactionable => Malformed is { } m
        ? $"{(Id.Length > 0 ? "batch " + BatchIdRule.Describe(Id) : "a batch with no id")} is malformed ({m})"
        : BatchIdRule.Problem(Id);

    public bool IsEnded => Status == BatchStatus.Ended;
    public bool CanCancel => Status == BatchStatus.InProgress;
    public bool CanDelete => Status == BatchStatus.Ended;
    public bool ResultsAvailable => Status == BatchStatus.Ended && ArchivedAt is null;
}
