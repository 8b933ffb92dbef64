using BatchTui.Core.Api;

namespace BatchTui.Core.Watch;

/// <summary>How watching one batch ended.</summary>
public enum WatchOutcome
{
    /// <summary>Ended, every request succeeded.</summary>
    Succeeded,
    /// <summary>Ended with at least one errored or expired request (and no cancel).</summary>
    SomeFailed,
    /// <summary>Ended after a cancel was initiated.</summary>
    Canceled,
    /// <summary>Still running when the watch's time limit came.</summary>
    TimedOut,
    /// <summary>The API does not know the id (404).</summary>
    NotFound,
    /// <summary>The API refused to answer in a way waiting will not fix (401, 403, 400, ...).</summary>
    Failed,
}

public static class WatchOutcomes
{
    /// <summary>The outcome of a batch that has ended.</summary>
    public static WatchOutcome Of(MessageBatch ended) =>
        ended.CancelInitiatedAt is not null || ended.Counts.Canceled > 0 ? WatchOutcome.Canceled
        : ended.Counts.Errored > 0 || ended.Counts.Expired > 0 ? WatchOutcome.SomeFailed
        : WatchOutcome.Succeeded;

    /// <summary>Which outcome a script should hear about first when several batches were watched.</summary>
    public static int Severity(this WatchOutcome o) => o switch
    {
        WatchOutcome.Succeeded => 0,
        WatchOutcome.SomeFailed => 1,
        WatchOutcome.Canceled => 2,
        WatchOutcome.TimedOut => 3,
        WatchOutcome.NotFound => 4,
        _ => 5,
    };
}

/// <summary>One batch as the watch last saw it. <see cref="Outcome"/> is set once the watch of it is over.</summary>
public sealed record WatchedBatch(string Id, MessageBatch? Batch, WatchOutcome? Outcome, string? Problem, TimeSpan Elapsed)
{
    public bool IsOver => Outcome is not null;
}
