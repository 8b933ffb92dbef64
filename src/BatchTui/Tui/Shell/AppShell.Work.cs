namespace BatchTui.Tui.Shell;

// THE runner for background work, and the UI loop's queue.
public sealed partial class AppShell
{
    private readonly List<Task> _pending = [];
    private readonly Dictionary<IPane, CancellationTokenSource> _paneWork = [];
    private int _busy;

    /// <summary>
    /// Runs I/O off the UI thread with a token cancelled when <paramref name="owner"/> (default: the top pane) is
    /// popped or the app quits; a failure goes to the flash bar, owned by that pane. The UI never waits on it; tests
    /// can, through <see cref="PendingWork"/>.
    /// </summary>
    public void Run(Func<CancellationToken, Task> work, IPane? owner = null)
    {
        owner ??= Top; // its error belongs to the pane that started it
        CancellationToken token = TokenFor(owner);
        Interlocked.Increment(ref _busy);
        Task task = Task.Run(async () =>
        {
            try
            {
                await work(token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (token.IsCancellationRequested)
            {
            }
            catch (Exception e)
            {
                Post(() => FlashError(e, owner));
            }
            finally
            {
                Interlocked.Decrement(ref _busy);
                Post(() => _header.SetNeedsDraw());
            }
        });
        lock (_pending)
        {
            _pending.RemoveAll(t => t.IsCompleted);
            _pending.Add(task);
        }
    }

    // One source per pane, linked to quit: popping the pane stops what it started, and only that.
    private CancellationToken TokenFor(IPane? owner)
    {
        if (owner is null) return _quit.Token;
        lock (_paneWork)
        {
            if (!_paneWork.TryGetValue(owner, out CancellationTokenSource? cts))
                _paneWork[owner] = cts = CancellationTokenSource.CreateLinkedTokenSource(_quit.Token);
            return cts.Token;
        }
    }

    private void CancelWorkOf(IPane pane)
    {
        CancellationTokenSource? cts;
        lock (_paneWork)
            if (!_paneWork.Remove(pane, out cts)) return;
        cts.Cancel();
        cts.Dispose();
    }

    private void DisposeWork()
    {
        lock (_paneWork)
        {
            foreach (CancellationTokenSource cts in _paneWork.Values) cts.Dispose();
            _paneWork.Clear();
        }
    }

    public bool Busy => Volatile.Read(ref _busy) > 0;

    public IReadOnlyList<Task> PendingWork
    {
        get { lock (_pending) return _pending.Where(t => !t.IsCompleted).ToList(); }
    }

    /// <summary>Queues <paramref name="action"/> on the UI loop (from any thread).</summary>
    public void Post(Action action)
    {
        if (_quit.IsCancellationRequested) return;
        Host.Invoke(() =>
        {
            Guarded("posted work", action);
            _hints.SetNeedsDraw(); // what the work changed may enable or disable a key
        });
    }
}
