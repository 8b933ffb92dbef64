using BatchTui.Tui.Editor;
using System.Collections.Concurrent;

namespace BatchTui.Tests.Editor;

/// <summary>
/// The shell's runner for a view-model without a terminal: work runs on the thread pool, posted callbacks queue up
/// and run on the test's thread when it settles (as the UI loop would run them).
/// </summary>
internal sealed class ModelRunner
{
    private readonly ConcurrentQueue<Action> _posted = new();
    private readonly List<Task> _work = [];

    public ModelRunner() => Runner = new WorkRunner(Run, _posted.Enqueue);

    public WorkRunner Runner { get; }

    private void Run(Func<CancellationToken, Task> work)
    {
        lock (_work) _work.Add(Task.Run(() => work(CancellationToken.None)));
    }

    /// <summary>Waits for the work started so far and runs what it posted, until nothing is left.</summary>
    public async Task SettleAsync()
    {
        for (int round = 0; round < 100; round++)
        {
            Task[] pending;
            lock (_work) pending = _work.Where(t => !t.IsCompleted).ToArray();
            // A safety net, not a wait: real I/O finishes in milliseconds; a hang fails the test instead of the run.
            if (pending.Length > 0 && await Task.WhenAny(Task.WhenAll(pending), Task.Delay(TimeSpan.FromSeconds(30))) is var first
                && !pending.All(p => p.IsCompleted))
                throw new TimeoutException("background work did not finish");
            if (pending.Length == 0 && _posted.IsEmpty) return;
            while (_posted.TryDequeue(out Action? a)) a();
        }
        throw new InvalidOperationException("the model kept posting work");
    }
}
