namespace BatchTui.Tui.Editor;

/// <summary>The model's background work (on the shell's runner, tracked so tests and closing can wait) and its end.</summary>
public sealed partial class RequestEditorModel
{
    /// <summary>Completes when no background work (validation, file, HTTP, draft write) is running.</summary>
    public async Task WhenIdle()
    {
        while (true)
        {
            Task[] pending;
            lock (_work) pending = _work.Where(t => !t.IsCompleted).ToArray();
            if (pending.Length == 0) break;
            await Task.WhenAll(pending).ConfigureAwait(false);
        }
        await Autosaver.FlushAsync().ConfigureAwait(false);
    }

    /// <summary>
    /// Runs <paramref name="work"/> on the shell's runner and hands its result (or error) back on the UI thread.
    /// <paramref name="cancellable"/> work stops when the editor closes; a create is never cut off half way.
    /// </summary>
    private void Background<T>(Func<CancellationToken, Task<T>> work, Action<T> onResult, Action<Exception> onError, bool cancellable = true)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Track(done.Task);
        _runner.Run(async shellToken =>
        {
            using CancellationTokenSource? linked = cancellable ? CancellationTokenSource.CreateLinkedTokenSource(shellToken, _closing.Token) : null;
            CancellationToken ct = linked?.Token ?? CancellationToken.None;
            try
            {
                T result = await work(ct).ConfigureAwait(false);
                _runner.Post(() => onResult(result));
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                // the editor closed (or the app quits): nobody to tell
            }
            catch (Exception e)
            {
                _runner.Post(() => onError(e));
            }
            finally
            {
                done.SetResult();
            }
        });
    }

    private void Track(Task t)
    {
        lock (_work)
        {
            _work.RemoveAll(x => x.IsCompleted);
            _work.Add(t);
        }
    }

    /// <summary>The editor closes: an unsaved draft is written (unless the batch is sent or on its way) and work stops.</summary>
    public void Close()
    {
        if (IsClosed) return;
        _validateTimer.Dispose();
        _draftTimer.Dispose();
        if (DraftDue && State is not (SubmitState.Sending or SubmitState.Sent)) SaveDraft();
        // The app may be quitting: wait (briefly) for the draft to reach the disk. It is a small local file.
        Autosaver.FlushAsync().Wait(TimeSpan.FromSeconds(2));
        _closing.Cancel();
    }

    public void Dispose() => Close();
}
