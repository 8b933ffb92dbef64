using BatchTui.Core.Api;

namespace BatchTui.Tui.Batches;

/// <summary>
/// Runs a refresh every interval on a <see cref="TimeProvider"/> timer, one at a time; after a failure it waits as the
/// <see cref="RefreshPolicy"/> says (backoff, <c>retry-after</c>). A manual refresh runs at once and reschedules.
/// </summary>
public sealed class AutoRefresher : IDisposable
{
    private readonly TimeProvider _time;
    private readonly RefreshPolicy _policy;
    private readonly Func<CancellationToken, Task> _refresh;
    private readonly CancellationTokenSource _stop = new();
    private readonly object _gate = new();
    private ITimer? _timer;
    private Task _current = Task.CompletedTask;
    private bool _paused;

    /// <param name="automatic">False: refresh only when asked (<c>refresh_seconds = 0</c>); failures still back off the next ask.</param>
    public AutoRefresher(TimeProvider time, RefreshPolicy policy, Func<CancellationToken, Task> refresh, bool automatic = true)
    {
        _time = time;
        _policy = policy;
        _refresh = refresh;
        Automatic = automatic;
    }

    public bool Automatic { get; }

    public RefreshStatus Status { get; private set; } = RefreshStatus.Initial;
    public TimeSpan Interval => _policy.Interval;
    /// <summary>How many refreshes were started (for the header and for tests).</summary>
    public int Attempts { get; private set; }

    /// <summary>Raised after <see cref="Status"/> changed, on whichever thread changed it.</summary>
    public event Action? Changed;

    /// <summary>Schedules the first refresh one interval from now.</summary>
    public void Start() => Schedule(_policy.Interval, 0, null);

    /// <summary>The refresh in flight, or a completed task: lets tests and the shell wait for it.</summary>
    public Task Current { get { lock (_gate) return _current; } }

    /// <summary>Runs a refresh now (or joins the one in flight).</summary>
    public Task RefreshNowAsync()
    {
        lock (_gate)
        {
            if (!_current.IsCompleted) return _current;
            _timer?.Dispose();
            _timer = null;
            Attempts++;
            _current = RunAsync();
            return _current;
        }
    }

    public bool Paused => _paused;

    public void TogglePause()
    {
        lock (_gate)
        {
            _paused = !_paused;
            _timer?.Dispose();
            _timer = null;
        }
        if (_paused) Publish(Status with { Phase = RefreshPhase.Paused, NextAt = null });
        else Schedule(_policy.Interval, Status.Failures, Status.LastError);
    }

    private async Task RunAsync()
    {
        Publish(Status with { Phase = RefreshPhase.Refreshing, NextAt = null });
        int failures;
        Exception? error = null;
        try
        {
            await _refresh(_stop.Token).ConfigureAwait(false);
            failures = 0;
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
            return;
        }
        catch (Exception e)
        {
            error = e;
            failures = Status.Failures + 1;
        }
        if (error is null) Status = Status with { LastSuccessAt = _time.GetUtcNow(), LastError = null };
        TimeSpan delay = _policy.DelayAfter(failures, ApiErrors.RetryAfterOf(error));
        Schedule(delay, failures, error);
    }

    private void Schedule(TimeSpan delay, int failures, Exception? error)
    {
        lock (_gate)
        {
            if (_stop.IsCancellationRequested) return;
            _timer?.Dispose();
            _timer = null;
            if (_paused || !Automatic)
            {
                Status = Status with { Phase = _paused ? RefreshPhase.Paused : RefreshPhase.Waiting, NextAt = null, Failures = failures, LastError = error };
            }
            else
            {
                Status = Status with
                {
                    Phase = failures > 0 ? RefreshPhase.BackingOff : RefreshPhase.Waiting,
                    NextAt = _time.GetUtcNow() + delay,
                    Failures = failures,
                    LastError = error,
                };
                _timer = _time.CreateTimer(_ => OnTimer(), null, delay, Timeout.InfiniteTimeSpan);
            }
        }
        Changed?.Invoke();
    }

    private void OnTimer()
    {
        lock (_gate)
        {
            if (_paused || _stop.IsCancellationRequested || !_current.IsCompleted) return;
            Attempts++;
            _current = RunAsync();
        }
    }

    private void Publish(RefreshStatus status)
    {
        Status = status;
        Changed?.Invoke();
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _stop.Cancel();
            _timer?.Dispose();
            _timer = null;
        }
    }
}
