namespace BatchTui.Simulator.Engine;

/// <summary>All live batches, kept newest-first (created_at, then creation sequence). Thread-safe.</summary>
internal sealed class BatchStore
{
    private readonly object _gate = new();
    private readonly List<BatchRecord> _newestFirst = [];
    private readonly Dictionary<string, BatchRecord> _byId = new(StringComparer.Ordinal);
    private long _sequence;

    public long NextSequence() => Interlocked.Increment(ref _sequence);

    public void Add(BatchRecord batch)
    {
        lock (_gate)
        {
            int at = _newestFirst.FindIndex(b => IsNewer(batch, b));
            if (at < 0) _newestFirst.Add(batch);
            else _newestFirst.Insert(at, batch);
            _byId.Add(batch.Id, batch);
        }
    }

    public BatchRecord? Find(string id)
    {
        lock (_gate) return _byId.GetValueOrDefault(id);
    }

    public bool Remove(string id)
    {
        lock (_gate)
        {
            if (!_byId.Remove(id, out var batch)) return false;
            _newestFirst.Remove(batch);
            return true;
        }
    }

    public BatchRecord[] NewestFirst()
    {
        lock (_gate) return [.. _newestFirst];
    }

    private static bool IsNewer(BatchRecord a, BatchRecord b) =>
        a.CreatedAt > b.CreatedAt || (a.CreatedAt == b.CreatedAt && a.Sequence > b.Sequence);
}
