namespace BatchTui.Simulator.Engine;

internal enum ProcessingStatus { InProgress, Canceling, Ended }

/// <summary>Why an ended batch ended: every request ran, a cancel finalized, or 24 hours passed.</summary>
internal enum EndKind { None, Completed, Canceled, Expired }

internal enum Outcome { Succeeded, Errored, Canceled, Expired }

internal readonly record struct RequestCounts(int Processing, int Succeeded, int Errored, int Canceled, int Expired)
{
    public int Total => Processing + Succeeded + Errored + Canceled + Expired;
}

/// <summary>A batch as seen at one virtual instant.</summary>
internal readonly record struct BatchView(
    ProcessingStatus Status,
    EndKind EndKind,
    DateTimeOffset? EndedAt,
    DateTimeOffset? CancelInitiatedAt,
    DateTimeOffset? ArchivedAt,
    RequestCounts Counts)
{
    public bool IsEnded => Status == ProcessingStatus.Ended;
    public bool IsArchived => ArchivedAt is not null;
}
