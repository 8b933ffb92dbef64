using BatchTui.Core.Api;
using BatchTui.Core.Text;

namespace BatchTui.Tui.Batches;

public enum RefreshPhase { Waiting, Refreshing, BackingOff, Paused }

/// <summary>The auto-refresh state the header shows: what it is doing, when it runs next and why it is waiting.</summary>
public sealed record RefreshStatus(RefreshPhase Phase, DateTimeOffset? NextAt, int Failures, Exception? LastError, DateTimeOffset? LastSuccessAt)
{
    public static RefreshStatus Initial { get; } = new(RefreshPhase.Waiting, null, 0, null, null);

    /// <summary>e.g. <c>refresh in 4s</c>, <c>refreshing…</c>, <c>retry in 30s (429)</c>, <c>auto-refresh paused</c>.</summary>
    public string Describe(DateTimeOffset now)
    {
        // Whole seconds rounded up, so a countdown never reads "now" while it still waits.
        string left = NextAt is { } at ? RelativeTime.Short(TimeSpan.FromSeconds(Math.Max(1, Math.Ceiling((at - now).TotalSeconds)))) : "";
        return Phase switch
        {
            RefreshPhase.Refreshing => "refreshing…",
            RefreshPhase.Paused => "auto-refresh paused",
            RefreshPhase.BackingOff => $"retry in {left}{(ApiErrors.StatusOf(LastError) is { } s ? $" ({s})" : "")}",
            _ when LastError is not null => $"refresh failed ({ApiErrors.StatusOf(LastError)?.ToString() ?? "no response"})",
            _ => NextAt is null ? "auto-refresh off" : $"refresh in {left}",
        };
    }
}
