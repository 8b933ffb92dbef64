namespace BatchTui.Simulator;

/// <summary>How a create is answered after the batch was accepted (it exists, but the client is not told so).</summary>
public enum CreateFault
{
    /// <summary>A 500 api_error envelope instead of the batch.</summary>
    ServerError,

    /// <summary>The connection is aborted with no response.</summary>
    Drop,
}

/// <summary>
/// Faults scoped to creates that strike after the batch was accepted: the case where a client that re-sends a create
/// gets a second billable batch. (The other faults strike before any endpoint runs, so nothing was created.)
/// </summary>
public sealed partial class ChaosSettings
{
    private readonly Queue<CreateFault> _createFaults = new();
    private double _acceptedThenFailRate;

    /// <summary>The next <paramref name="count"/> creates are accepted, then answered with <paramref name="fault"/>.</summary>
    public void AcceptThenFailNextCreates(int count, CreateFault fault)
    {
        lock (_gate)
            for (int i = 0; i < count; i++) _createFaults.Enqueue(fault);
    }

    /// <summary>0..1: share of creates accepted and then answered 500 or dropped, half each (seeded).</summary>
    public double AcceptedThenFailRate
    {
        get { lock (_gate) return _acceptedThenFailRate; }
        set { lock (_gate) _acceptedThenFailRate = Math.Clamp(value, 0, 1); }
    }

    /// <summary>The fault for the create just accepted, if one is due.</summary>
    internal CreateFault? TakeCreateFault()
    {
        lock (_gate)
        {
            if (_createFaults.TryDequeue(out var f)) return f;
            if (_acceptedThenFailRate > 0 && _random.NextDouble() < _acceptedThenFailRate)
                return _random.Next(2) == 0 ? CreateFault.ServerError : CreateFault.Drop;
            return null;
        }
    }

    // Called by Reset, under the lock.
    private void ResetCreateFaults()
    {
        _createFaults.Clear();
        _acceptedThenFailRate = 0;
    }
}
