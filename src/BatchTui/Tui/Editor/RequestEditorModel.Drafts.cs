using BatchTui.Core.Requests;
using BatchTui.Core.State;
using BatchTui.Core.Text;

namespace BatchTui.Tui.Editor;

/// <summary>
/// Drafts: nothing typed is lost. The content autosaves (off the UI thread, at most a second after the first unsaved
/// edit), the newest unsent draft is offered on open (F6 restores, F8 discards), and a failed submit keeps it.
/// </summary>
public sealed partial class RequestEditorModel
{
    /// <summary>The content last written as a draft (or restored from one): a draft is due while they differ.</summary>
    private EditorContent _saved;

    public DraftAutosaver Autosaver { get; }
    public string DraftId { get; private set; }
    /// <summary>The draft offered back on open, until restored, discarded or typed over.</summary>
    public Draft? Offered { get; private set; }
    /// <summary><c>draft saved 09:00:01</c>, or why it was not.</summary>
    public string SavedText { get; private set; } = "";
    public bool DraftDue => Content != _saved;

    /// <summary>Looks for unsent drafts and offers the newest, unless the user already started typing.</summary>
    public void OfferDraft() => Background(ct => _stores.Drafts.ListAsync(ct), drafts =>
    {
        if (drafts.Count == 0 || !Content.ToDraft(DraftId).IsEmpty) return;
        Offered = drafts[0];
        string more = drafts.Count > 1 ? $" (+{drafts.Count - 1} older)" : "";
        SetNotice($"unsent draft from {Offered.UpdatedAt.ToLocalTime():yyyy-MM-dd HH:mm}: {UntrustedText.ForTerminal(Offered.Summary)}{more} · F6 restore · F8 discard");
    }, e => SetNotice($"drafts could not be read: {UntrustedText.ForTerminal(e.Message)}"));

    /// <summary>F6: the offered draft becomes the content, and further saves go to it.</summary>
    public void RestoreOffered()
    {
        if (Offered is not { } d)
        {
            Flashed?.Invoke("no draft to restore");
            return;
        }
        Offered = null;
        DraftId = d.Id;
        EditorContent content = EditorContent.FromDraft(d);
        _saved = content;
        Notice = $"restored {d.Id}";
        Replace(content);
    }

    /// <summary>F8 with a draft offered: deletes it (the pane asked first).</summary>
    public void DiscardOffered()
    {
        if (Offered is not { } d) return;
        _stores.Drafts.Delete(d.Id);
        Offered = null;
        SetNotice($"deleted {d.Id}");
    }

    /// <summary>F8 otherwise: clears the editor and deletes its draft (the pane asked first).</summary>
    public void Clear()
    {
        Track(Autosaver.DeleteAsync(DraftId));
        DraftId = _stores.Drafts.NewId();
        var empty = new EditorContent { Mode = Content.Mode, RetryOf = Content.RetryOf };
        _saved = empty;
        _draftTimer.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        SavedText = "";
        Notice = "cleared";
        Replace(empty);
    }

    private void SaveDraftIfDue()
    {
        if (!IsClosed && DraftDue && State is not (SubmitState.Sending or SubmitState.Sent)) SaveDraft();
    }

    /// <summary>Hands a snapshot to the autosaver (which writes it off the UI thread); an empty editor is no draft.</summary>
    private void SaveDraft()
    {
        _draftTimer.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        _saved = Content;
        Draft draft = Content.ToDraft(DraftId);
        if (draft.IsEmpty) return;
        Autosaver.Save(draft);
        SavedText = Autosaver.LastError is { } e ? $"draft NOT saved: {e.Message}" : $"draft saved {_stores.Time.GetLocalNow():HH:mm:ss}";
        Changed?.Invoke();
    }
}
