using TgTime = Terminal.Gui.Time;

namespace BatchTui.Tui.Shell;

/// <summary>
/// Terminal.Gui's clock over a <see cref="TimeProvider"/>, so the UI loop's timeouts (clock, flash expiry) and the
/// view-models run on one clock: the system's in the app, a FakeTimeProvider in tests.
/// </summary>
public sealed class TuiClock(TimeProvider time) : TgTime.ITimeProvider
{
    public DateTime Now => time.GetLocalNow().DateTime;

    public Task Delay(TimeSpan duration, CancellationToken cancellationToken) => Task.Delay(duration, time, cancellationToken);

    public TgTime.ITimer CreateTimer(TimeSpan interval, Action callback) => new Timer(time, interval, callback);

    private sealed class Timer(TimeProvider time, TimeSpan interval, Action callback) : TgTime.ITimer
    {
        private readonly ITimer _timer = time.CreateTimer(_ => callback(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        public bool IsRunning { get; private set; }

        public void Start()
        {
            IsRunning = true;
            _timer.Change(interval, interval);
        }

        public void Stop()
        {
            IsRunning = false;
            _timer.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        }

        public void Dispose() => _timer.Dispose();
    }
}
