using BatchTui.Core.Api;
using BatchTui.Core.Requests;
using BatchTui.Core.Text;

namespace BatchTui.Tui.Editor;

/// <summary>
/// Submit: check, preview and confirm, send once, journal what was sent. A refusal keeps everything as it was; a
/// create whose outcome is unknown (the API failed after the batch may have been created) names the batch that is
/// likely it, is journalled, and is repeated as a warning in the next confirmation, so a second batch is never
/// sent by habit.
/// </summary>
public sealed partial class RequestEditorModel
{
    private (EditorContent Content, CheckedRequests Requests)? _confirming;

    /// <summary>The last create whose outcome is unknown, until a create succeeds.</summary>
    public CreateUncertainException? Uncertain { get; private set; }

    /// <summary>
    /// Ctrl+S: checks the content now. When it can be sent, the state is <see cref="SubmitState.Confirming"/> and
    /// the preview to confirm is returned (then <see cref="Confirm"/> sends); otherwise null, with the reason flashed.
    /// </summary>
    public IReadOnlyList<string>? Submit()
    {
        if (State == SubmitState.Sending)
        {
            Flashed?.Invoke("already sending this batch");
            return null;
        }
        if (State == SubmitState.Sent) return null;
        EditorContent content = Content;
        Composition c = content.Compose();
        Show(c);
        if (!c.CanSubmit)
        {
            Flashed?.Invoke(c.Requests is null && c.ErrorCount == 0 ? "nothing to send" : $"not sent: {Units.Plural(c.ErrorCount, "error")}, see Problems");
            return null;
        }
        _confirming = (content, c.Requests!);
        SetState(SubmitState.Confirming);
        return [.. c.Requests!.Preview.Lines, $"to:       {_api.BaseUrl}", .. UncertainWarning()];
    }

    /// <summary>The user said yes to the preview: the batch is sent (once; the editor closing does not cut it off).</summary>
    public void Confirm()
    {
        if (State != SubmitState.Confirming || _confirming is not { } pending || IsClosed) return;
        _confirming = null;
        SetState(SubmitState.Sending);
        BatchCreateRequest body = pending.Requests.ToCreateRequest();
        IReadOnlyList<BatchRequestItem> items = pending.Requests.Items;
        string? source = pending.Content.SourceFile;
        string? journalled = null;
        Background(async ct =>
        {
            MessageBatch batch;
            try
            {
                batch = await _api.CreateAsync(body, ct);
            }
            catch (CreateUncertainException e)
            {
                journalled = await JournalUncertainAsync(e, items, source);
                throw;
            }
            string? journalProblem = null;
            try
            {
                await _stores.Journal.RecordAsync(batch.Id, items, _api.BaseUrl, source, CancellationToken.None);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                journalProblem = e.Message;
            }
            return (batch, journalProblem);
        }, result => OnCreated(result.batch, result.journalProblem, items.Count), e => OnSubmitFailed(e, journalled), cancellable: false);
    }

    private void OnCreated(MessageBatch batch, string? journalProblem, int count)
    {
        Uncertain = null;
        SetState(SubmitState.Sent);
        Track(Autosaver.DeleteAsync(DraftId));
        Flashed?.Invoke(journalProblem is null
            ? $"created {batch.Id} ({Units.Plural(count, "request")})"
            : $"created {batch.Id}, but the journal could not be written ({journalProblem}): retry-failed will need the original file");
        Created?.Invoke(batch);
    }

    private void OnSubmitFailed(Exception e, string? journalled)
    {
        State = SubmitState.Failed;
        if (e is CreateUncertainException uncertain)
        {
            ShowUncertain(uncertain, journalled);
            return;
        }
        string again = e is BatchApiException { Status: >= 400 and < 500 }
            ? "nothing was lost: fix the requests and submit again (Ctrl+S)"
            : "nothing was lost: submit again when the API answers (Ctrl+S)";
        _problems = [$"not sent: {e.Message}", again];
        FlashedError?.Invoke(e);
        SaveDraft();
        Changed?.Invoke();
    }

    private void SetState(SubmitState state)
    {
        State = state;
        Changed?.Invoke();
    }

    // ---- an unconfirmed create ----------------------------------------------------------------------------

    /// <summary>Runs off the UI thread; the journal's file, or null when it could not be written.</summary>
    private async Task<string?> JournalUncertainAsync(CreateUncertainException e, IReadOnlyList<BatchRequestItem> items, string? source)
    {
        try
        {
            return await _stores.Journal.RecordUncertainAsync(e, items, _api.BaseUrl, source, CancellationToken.None);
        }
        catch (Exception j) when (j is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private void ShowUncertain(CreateUncertainException e, string? journalled)
    {
        Uncertain = e;
        _problems =
        [
            $"not confirmed: {e.Failure.Message}",
            e.Check.Summary,
            journalled is null ? "the journal could not be written; the draft is kept" : $"journalled in {journalled}; the draft is kept",
        ];
        Flashed?.Invoke(e.Check.LikelyMatch is { } m
            ? $"create unconfirmed: {m.Id} is likely it; check it before sending again"
            : "create unconfirmed: it may still have been created; list the batches before sending again");
        SaveDraft();
        Changed?.Invoke();
    }

    // The next confirmation repeats what is known, so a second batch is never sent by habit.
    private IEnumerable<string> UncertainWarning() => Uncertain?.Check.LikelyMatch is { } m
        ? ["", $"warning:  {m.Id} may already be this batch (the last answer was lost)"]
        : Uncertain is null ? [] : ["", "warning:  the last attempt may have created this batch: check the list first"];
}
