namespace BatchTui.Core.State;

/// <summary>
/// Saves the latest draft snapshot off the UI thread, one write at a time, coalescing snapshots that arrive while
/// a write runs (only the newest matters). Snapshots are immutable records taken on the UI thread.
/// </summary>
public sealed class DraftAutosaver(DraftStore store)
{
    private readonly object _gate = new();
    private Draft? _pending;
    private Task _writer = Task.CompletedTask;

    /// <summary>The last write's failure, shown by the editor (a full disk must not go unnoticed).</summary>
    public Exception? LastError { get; private set; }
    public int Saves { get; private set; }

    public void Save(Draft snapshot)
    {
        lock (_gate)
        {
            bool idle = _pending is null;
            _pending = snapshot;
            if (idle) _writer = _writer.ContinueWith(_ => WriteLoopAsync(), TaskScheduler.Default).Unwrap();
        }
    }

    /// <summary>Waits until everything handed to <see cref="Save"/> is on disk.</summary>
    public Task FlushAsync()
    {
        lock (_gate) return _writer;
    }

    /// <summary>Drops what is pending, waits for a write in flight, then deletes the draft (after a submit).</summary>
    public async Task DeleteAsync(string id)
    {
        Task writer;
        lock (_gate)
        {
            _pending = null;
            writer = _writer;
        }
        await writer;
        store.Delete(id);
    }

    private async Task WriteLoopAsync()
    {
        while (true)
        {
            Draft? next;
            lock (_gate)
            {
                next = _pending;
                if (next is null) return;
            }
            try
            {
                await store.SaveAsync(next);
                LastError = null;
                Saves++;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                LastError = e;
            }
            lock (_gate)
            {
                if (ReferenceEquals(_pending, next)) { _pending = null; return; }
            }
        }
    }
}
