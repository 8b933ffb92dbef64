using BatchTui.Core.Api;
using BatchTui.Core.Requests;

namespace BatchTui.Tui.Editor;

/// <summary>
/// A submit whose outcome is unknown (the API failed after the batch may have been created): the editor says which
/// batch likely is it, keeps the draft, journals the attempt, and warns in the next confirmation before sending again.
/// </summary>
public sealed partial class RequestEditorPane
{
    private CreateUncertainException? _uncertain;

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
        _uncertain = e;
        _problemLines.Add($"not confirmed: {e.Failure.Message}");
        _problemLines.Add(e.Check.Summary);
        _problemLines.Add(journalled is null ? "the journal could not be written; the draft is kept" : $"journalled in {journalled}; the draft is kept");
        _shell.Flash(e.Check.LikelyMatch is { } m
            ? $"create unconfirmed: {m.Id} is likely it; check it before sending again"
            : "create unconfirmed: it may still have been created; list the batches before sending again");
        SaveDraft();
        ShowStatus();
    }

    // The next confirmation repeats what is known, so a second batch is never sent by habit.
    private IEnumerable<string> UncertainWarning() => _uncertain?.Check.LikelyMatch is { } m
        ? ["", $"warning:  {m.Id} may already be this batch (the last answer was lost)"]
        : _uncertain is null ? [] : ["", "warning:  the last attempt may have created this batch: check the list first"];
}
