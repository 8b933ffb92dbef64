using BatchTui.Core.Api;

namespace BatchTui.Core.State;

/// <summary>What the journal knows about one submitted batch.</summary>
public sealed record JournalEntry(
    string BatchId,
    DateTimeOffset SubmittedAt,
    int RequestCount,
    string BaseUrl,
    string? SourceFile,
    IReadOnlyList<BatchRequestItem> Requests);

/// <summary>The journal's side file for a batch (<c>&lt;id&gt;.json</c>); the requests are in <c>&lt;id&gt;.jsonl</c>.</summary>
internal sealed record JournalMeta(string BatchId, DateTimeOffset SubmittedAt, int RequestCount, string BaseUrl, string? SourceFile);
