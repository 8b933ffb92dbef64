namespace BatchTui.Simulator.Engine;

/// <summary>virtual now = start + (real now − start) × speed. Batch states are computed from it on each request,
/// so no background timers exist and a FakeTimeProvider drives the whole lifecycle.</summary>
internal sealed class VirtualClock(TimeProvider time, double speed)
{
    private readonly DateTimeOffset _start = Truncate(time.GetUtcNow());

    public DateTimeOffset Start => _start;

    public DateTimeOffset Now
    {
        get
        {
            var real = time.GetUtcNow() - _start;
            return Truncate(_start + TimeSpan.FromTicks((long)(real.Ticks * speed)));
        }
    }

    /// <summary>The API's timestamps carry microseconds; keep ours on that grid so formatting round-trips.</summary>
    public static DateTimeOffset Truncate(DateTimeOffset t) => new(t.UtcTicks - t.UtcTicks % 10, TimeSpan.Zero);
}
