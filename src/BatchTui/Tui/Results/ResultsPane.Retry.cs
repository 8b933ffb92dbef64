using BatchTui.Core.Api;
using BatchTui.Core.State;
using BatchTui.Tui.Shell;
using Terminal.Gui.Input;

namespace BatchTui.Tui.Results;

// R does one of two things, each a declared action with its own disabled reason: after a failed download, download
// again; once the results are read, a new batch of the requests that failed (dangerous: --read-only removes it).
public sealed partial class ResultsPane
{
    private Action? _downloadAgain;
    private readonly Action<string, IReadOnlyList<string>>? _retryFailed;

    private IReadOnlyList<string>? _failedIds;

    /// <summary>The custom_ids that errored, expired or were canceled, in file order (the index must be complete).</summary>
    public IReadOnlyList<string> FailedCustomIds()
    {
        if (_model is null) return [];
        // A full pass over the index: once, when it is complete (the hint line asks on every draw).
        if (!_model.Index.IsComplete) return FailedResults.InIndex(_model.Index);
        return _failedIds ??= FailedResults.InIndex(_model.Index);
    }

    // A local file has no batch to retry or download: neither is offered.
    private IEnumerable<KeyAction> RetryActions() => _batch is null ? [] :
    [
        new(Key.R.WithShift, "retry failed", RetryFailed, Dangerous: true, Hint: _retryFailed is not null,
            Description: "a new batch of the requests that errored, expired or were canceled (opens the editor)", DisabledReason: WhyNotRetryFailed),
        new(Key.R.WithShift, "download again", () => _downloadAgain?.Invoke(),
            Description: "download the results again (after a failed or partial download)", DisabledReason: WhyNotDownloadAgain),
    ];

    private string? WhyNotDownloadAgain() => _downloadAgain is null ? "the download did not fail: nothing to download again" : null;

    private string? WhyNotRetryFailed()
    {
        MessageBatch batch = _batch!;
        if (_retryFailed is null) return "retry failed is not available here";
        if (_downloadAgain is not null) return "the download failed: R downloads the results again";
        if (_model is null) return batch.IsEnded ? "still downloading the results: R works once they are read" : $"nothing to retry yet: {batch.Id} has not ended";
        if (!_model.Index.IsComplete) return "still reading the results: R works once every line is indexed";
        if (FailedCustomIds().Count == 0) return $"nothing to retry: no request of {batch.Id} errored, expired or was canceled";
        return null;
    }

    private void RetryFailed() => _retryFailed?.Invoke(_batch!.Id, FailedCustomIds());
}
