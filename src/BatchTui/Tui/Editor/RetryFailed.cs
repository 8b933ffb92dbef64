using BatchTui.Core.Api;
using BatchTui.Tui.Shell;

namespace BatchTui.Tui.Editor;

/// <summary>
/// "Retry failed" for the results browser's <c>R</c> key: opens the editor on a new batch made of the errored,
/// expired and canceled requests of <c>batchId</c>, with their original params from the submission journal. For a
/// batch submitted elsewhere it explains why the requests are unknown and lets the user point at the original file
/// (Ctrl+O). Same custom_ids by default; F7 switches to <c>-retryN</c> ones. Nothing is sent before the user submits.
/// </summary>
public static class RetryFailed
{
    /// <param name="failedCustomIds">custom_ids whose result type is errored, expired or canceled.</param>
    /// <param name="onSubmitted">Called on the UI thread with the new batch (show it selected in the list).</param>
    /// <returns>The pane, for the caller to push (<see cref="Open"/> pushes it).</returns>
    public static RequestEditorPane Create(IShell shell, IBatchesApi api, EditorStores stores, string batchId,
        IReadOnlyCollection<string> failedCustomIds, Action<MessageBatch>? onSubmitted = null) =>
        RequestEditorPane.CreateRetry(shell, api, stores, batchId, failedCustomIds, onSubmitted);

    public static RequestEditorPane Open(IShell shell, IBatchesApi api, EditorStores stores, string batchId,
        IReadOnlyCollection<string> failedCustomIds, Action<MessageBatch>? onSubmitted = null)
    {
        RequestEditorPane pane = Create(shell, api, stores, batchId, failedCustomIds, onSubmitted);
        shell.Push(pane);
        return pane;
    }
}
