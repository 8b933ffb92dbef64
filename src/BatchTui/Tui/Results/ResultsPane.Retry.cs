using BatchTui.Core.State;
using BatchTui.Tui.Shell;
using Terminal.Gui.Input;

namespace BatchTui.Tui.Results;

// R: after a failed download, download again; once the results are read, a new batch of the requests that failed.
public sealed partial class ResultsPane
{
    private Action? _downloadAgain;
    private Action<string, IReadOnlyList<string>>? _retryFailed;

    /// <summary>The custom_ids that errored, expired or were canceled, in file order (the index must be complete).</summary>
    public IReadOnlyList<string> FailedCustomIds() => _model is null ? [] : FailedResults.InIndex(_model.Index);

    private IEnumerable<KeyAction> RetryActions() =>
    [
        new(Key.R.WithShift, "retry", Retry, Hint: _batch is not null, Description: "retry: a new batch of the failed requests (after a failed download: download again)"),
    ];

    // One key, what "retry" means here: the download when it failed, else the requests that failed.
    private void Retry()
    {
        if (_downloadAgain is { } again) { again(); return; }
        if (_batch is null || _retryFailed is null) { _shell.Flash("retry failed needs a batch from the API (this is a local file)"); return; }
        // Like n in the list: read-only mode composes no new batch (a failed download is still retried above).
        if (_shell.ReadOnly) { _shell.Flash("read-only: \"retry failed\" is turned off (started with --read-only)"); return; }
        if (_model is null)
        {
            _shell.Flash(_batch.IsEnded ? "still downloading the results: R works once they are read" : $"nothing to retry yet: {_batch.Id} has not ended");
            return;
        }
        if (!_model.Index.IsComplete) { _shell.Flash("still reading the results: R works once every line is indexed"); return; }
        IReadOnlyList<string> failed = FailedCustomIds();
        if (failed.Count == 0) { _shell.Flash($"nothing to retry: no request of {_batch.Id} errored, expired or was canceled"); return; }
        _retryFailed(_batch.Id, failed);
    }
}
