namespace BatchTui.Core.Api;

/// <summary>A batch's <c>processing_status</c>. <see cref="Unknown"/> keeps a value the API adds later from failing.</summary>
public enum BatchStatus { InProgress, Canceling, Ended, Unknown }

public static class BatchStatusText
{
    public static string ToWire(this BatchStatus s) => s switch
    {
        BatchStatus.InProgress => "in_progress",
        BatchStatus.Canceling => "canceling",
        BatchStatus.Ended => "ended",
        _ => "unknown",
    };

    public static BatchStatus Parse(string? wire) => wire switch
    {
        "in_progress" => BatchStatus.InProgress,
        "canceling" => BatchStatus.Canceling,
        "ended" => BatchStatus.Ended,
        _ => BatchStatus.Unknown,
    };
}
