namespace BatchTui.Simulator;

/// <summary>Fault injection, changeable while the server runs. Thread-safe: every member takes one lock.</summary>
public sealed partial class ChaosSettings
{
    private readonly object _gate = new();
    private readonly Random _random;
    private readonly Queue<(int Status, int? RetryAfter)> _failures = new();
    private int _drops;
    private int _truncations;
    private TimeSpan _latency;
    private double _randomFailureRate;

    internal ChaosSettings(int seed) => _random = new Random(seed);

    /// <summary>The next <paramref name="count"/> requests answer <paramref name="status"/> with the matching error
    /// envelope (429 rate_limit_error, 500 api_error, 529 overloaded_error, ...), plus <c>retry-after</c> when given.</summary>
    public void FailNext(int count, int status, int? retryAfterSeconds = null)
    {
        lock (_gate)
            for (int i = 0; i < count; i++) _failures.Enqueue((status, retryAfterSeconds));
    }

    /// <summary>The next <paramref name="count"/> requests get their connection aborted with no response.</summary>
    public void DropNext(int count)
    {
        lock (_gate) _drops += count;
    }

    /// <summary>The next <paramref name="count"/> results downloads stop in the middle of a line and abort.</summary>
    public void TruncateNextResults(int count)
    {
        lock (_gate) _truncations += count;
    }

    /// <summary>Added before every response (on the server's <see cref="SimulatorOptions.Time"/>).</summary>
    public TimeSpan Latency
    {
        get { lock (_gate) return _latency; }
        set { lock (_gate) _latency = value; }
    }

    /// <summary>0..1: share of requests that fail at random with 429, 500 or 529 (seeded).</summary>
    public double RandomFailureRate
    {
        get { lock (_gate) return _randomFailureRate; }
        set { lock (_gate) _randomFailureRate = Math.Clamp(value, 0, 1); }
    }

    /// <summary>Clears every pending fault and setting.</summary>
    public void Reset()
    {
        lock (_gate)
        {
            _failures.Clear();
            _drops = 0;
            _truncations = 0;
            _latency = TimeSpan.Zero;
            _randomFailureRate = 0;
            ResetCreateFaults();
        }
    }

    internal bool TakeDrop()
    {
        lock (_gate)
        {
            if (_drops == 0) return false;
            _drops--;
            return true;
        }
    }

    internal (int Status, int? RetryAfter)? TakeFailure()
    {
        lock (_gate)
        {
            if (_failures.TryDequeue(out var f)) return f;
            if (_randomFailureRate > 0 && _random.NextDouble() < _randomFailureRate)
            {
                int status = _random.Next(3) switch { 0 => 429, 1 => 500, _ => 529 };
                return (status, status == 429 ? 1 : null);
            }
            return null;
        }
    }

    internal bool TakeTruncation()
    {
        lock (_gate)
        {
            if (_truncations == 0) return false;
            _truncations--;
            return true;
        }
    }
}
