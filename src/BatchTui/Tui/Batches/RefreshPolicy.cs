namespace BatchTui.Tui.Batches;

/// <summary>
/// When to refresh next: every <see cref="Interval"/> while things work; after failures, doubling up to
/// <see cref="MaxBackoff"/>, and never sooner than the server's <c>retry-after</c>.
/// </summary>
public sealed record RefreshPolicy(TimeSpan Interval, TimeSpan MaxBackoff)
{
    public static RefreshPolicy Every(TimeSpan interval) => new(interval, TimeSpan.FromMinutes(2));

    /// <param name="failures">Consecutive failures so far, counting the one that just happened (0 after a success).</param>
    /// <param name="retryAfter">The server's <c>retry-after</c>, when it sent one.</param>
    public TimeSpan DelayAfter(int failures, TimeSpan? retryAfter = null)
    {
        if (failures <= 0) return Interval;
        double factor = Math.Pow(2, Math.Min(failures, 16));
        TimeSpan backoff = TimeSpan.FromTicks((long)Math.Min(Interval.Ticks * factor, MaxBackoff.Ticks));
        if (backoff < Interval) backoff = Interval;
        return retryAfter is { } ra && ra > backoff ? ra : backoff;
    }
}
