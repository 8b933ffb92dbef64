namespace BatchTui.Core.State;

/// <summary>
/// A create whose outcome is unknown, as the journal keeps it (<c>journal/uncertain-&lt;time&gt;.json</c>, the requests
/// beside it in the <c>.jsonl</c>): when, what failed, and the batch that likely is it, if one was found.
/// </summary>
public sealed record UncertainCreate(
    DateTimeOffset AttemptedAt,
    int RequestCount,
    string BaseUrl,
    string? SourceFile,
    string Failure,
    string? RequestId,
    string? LikelyMatch,
    DateTimeOffset? LikelyMatchCreatedAt,
    int OtherCandidates,
    string? LookupProblem,
    string Verdict);
