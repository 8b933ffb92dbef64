using BatchTui.Tui.Widgets;
using Terminal.Gui.ViewBase;

namespace BatchTui.Tui.Batches;

// What follows a model or refresher change: titles, empty text, redraws, the refresh error's flash.
public sealed partial class BatchesPane
{
    // ---- updates -------------------------------------------------------------------------------------------------

    private void OnModelChanged()
    {
        AnnounceEnded();
        ListState s = Model.State;
        // Only what changed: a title set to the same text still costs a layout pass, on every cursor move.
        SetTitle(_listFrame, ListTitleFor(s));
        SetTitle(_detailFrame, s.Selected is { } b ? $"Detail · {b.Id}" : "Detail");
        if (s.Loaded && s.Visible.Count == 0)
            List.EmptyText = s.Page.Count == 0 ? "no batches yet: n creates one" : $"nothing on this page matches {s.Filter} (Esc clears)";
        List.SetNeedsDraw();
        Detail.SetNeedsDraw();
    }

    private static void SetTitle(View frame, string title)
    {
        title = Frames.SafeTitle(title);
        if (frame.Title != title) frame.Title = title;
    }

    public static string ListTitleFor(ListState s)
    {
        string page = s.PageNumber is { } n ? $"page {n}" : "page ?";
        string title = $"Batches · {page}";
        title += s.Filter.IsEmpty ? $" · {s.Page.Count}" : $" · {s.Filter}: {s.Visible.Count} of {s.Page.Count}";
        if (s.HasNewer) title += " · ← newer";
        if (s.HasOlder) title += " · older →";
        return title;
    }

    private void OnRefresherChanged()
    {
        Labels.Reload(); // what another batchtui (or the CLI) labelled since: a stat when nothing changed
        RefreshStatus st = Refresher.Status;
        if (st.LastError is { } e && !ReferenceEquals(e, _lastRefreshError))
        {
            _shell.FlashError(e);
            _refreshFlash = _shell.LastFlash;
        }
        else if (st.LastError is null && _refreshFlash is not null)
        {
            // Refreshes succeed again: the last failure's line (a 429 after chaos) is over, unless something replaced it.
            _shell.Unflash(_refreshFlash);
            _refreshFlash = null;
        }
        _lastRefreshError = st.LastError;
        _shell.Redraw();
    }
}
