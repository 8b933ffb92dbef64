namespace BatchTui.Core.Api;

/// <summary>
/// Whether an action makes sense for a batch in its current state, and if not, why — so the UI says so instead of
/// sending a request that will fail.
/// </summary>
public static class BatchActionRules
{
    /// <summary>Null when cancel is allowed (only before processing ends).</summary>
    public static string? WhyNotCancel(MessageBatch b) => b.Unactionable is { } bad ? $"{bad}: refusing to cancel" : b.Status switch
    {
        BatchStatus.InProgress => null,
        BatchStatus.Canceling => $"{b.Id} is already canceling",
        BatchStatus.Ended => $"{b.Id} has ended: only a batch in progress can be canceled",
        _ => $"{b.Id} is in an unknown state: refusing to cancel",
    };

    /// <summary>Null when delete is allowed (only once processing ended).</summary>
    public static string? WhyNotDelete(MessageBatch b) => b.Unactionable is { } bad ? $"{bad}: refusing to delete" : b.Status switch
    {
        BatchStatus.Ended => null,
        BatchStatus.Canceling => $"{b.Id} is still canceling: it can be deleted once it has ended",
        BatchStatus.InProgress => $"only an ended batch can be deleted: {b.Id} is in progress (cancel it first: c)",
        _ => $"{b.Id} is in an unknown state: refusing to delete",
    };

    /// <summary>Null when results can be downloaded (ended and not archived).</summary>
    public static string? WhyNoResults(MessageBatch b) => b switch
    {
        { Unactionable: { } bad } => $"{bad}: its results are not opened",
        { ArchivedAt: not null } => $"results of {b.Id} were archived and are no longer available",
        { Status: BatchStatus.Ended } => null,
        _ => $"results of {b.Id} are available once it has ended ({b.Counts.Processing:N0} still processing)",
    };
}
