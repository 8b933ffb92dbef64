using BatchTui.Core.Api;

namespace BatchTui.Tui.Batches;

/// <summary>
/// An immutable snapshot of the batch list: the page as fetched, the filter, what is visible and which batch is
/// selected. Swapped whole, so a background refresh can read it while the UI thread replaces it.
/// </summary>
public sealed class ListState
{
    private ListState(IReadOnlyList<MessageBatch> page, BatchFilter filter, int? pageNumber, bool hasNewer, bool hasOlder,
        bool loaded, long generation, string? wantedId, int fallbackIndex)
    {
        Page = page;
        Filter = filter;
        PageNumber = pageNumber;
        HasNewer = hasNewer;
        HasOlder = hasOlder;
        Loaded = loaded;
        Generation = generation;
        Visible = filter.IsEmpty ? page : page.Where(filter.Matches).ToList();
        int index = wantedId is null ? -1 : IndexOf(Visible, wantedId);
        if (index < 0 && Visible.Count > 0) index = Math.Clamp(fallbackIndex, 0, Visible.Count - 1);
        SelectedIndex = Visible.Count == 0 ? -1 : index;
    }

    public static ListState Empty { get; } = new([], BatchFilter.None, null, false, false, false, 0, null, 0);

    /// <summary>The page as fetched (refresh may have prepended new batches).</summary>
    public IReadOnlyList<MessageBatch> Page { get; }
    public BatchFilter Filter { get; }
    /// <summary>1 is the newest page; null after a jump to an id, when the position is unknown.</summary>
    public int? PageNumber { get; }
    public bool HasNewer { get; }
    public bool HasOlder { get; }
    /// <summary>False until the first page arrived.</summary>
    public bool Loaded { get; }
    /// <summary>Bumped by every page move, so a refresh started on another page is not applied to this one.</summary>
    public long Generation { get; }
    /// <summary>The page with the filter applied.</summary>
    public IReadOnlyList<MessageBatch> Visible { get; }
    /// <summary>Index into <see cref="Visible"/>; -1 when nothing is visible.</summary>
    public int SelectedIndex { get; }

    public MessageBatch? Selected => SelectedIndex >= 0 ? Visible[SelectedIndex] : null;
    public string? SelectedId => Selected?.Id;
    public bool IsNewestPage => PageNumber == 1 && !HasNewer;

    /// <summary>A new page from a page move: the selection goes to <paramref name="select"/> or the first row.</summary>
    public ListState WithNewPage(IReadOnlyList<MessageBatch> page, int? pageNumber, bool hasNewer, bool hasOlder, string? select = null) =>
        new(page, Filter, pageNumber, hasNewer, hasOlder, true, Generation + 1, select, 0);

    /// <summary>The same page with changed contents (refresh, cancel, delete): the selected batch stays selected.</summary>
    public ListState WithContents(IReadOnlyList<MessageBatch> page) =>
        new(page, Filter, PageNumber, HasNewer, HasOlder, Loaded, Generation, SelectedId, SelectedIndex);

    public ListState WithFilter(BatchFilter filter) =>
        new(Page, filter, PageNumber, HasNewer, HasOlder, Loaded, Generation, SelectedId, SelectedIndex);

    public ListState WithSelection(int index) =>
        new(Page, Filter, PageNumber, HasNewer, HasOlder, Loaded, Generation, null, index);

    public ListState WithSelection(string id) =>
        new(Page, Filter, PageNumber, HasNewer, HasOlder, Loaded, Generation, id, SelectedIndex);

    public ListState WithHasOlder(bool hasOlder) =>
        new(Page, Filter, PageNumber, HasNewer, hasOlder, Loaded, Generation, SelectedId, SelectedIndex);

    private static int IndexOf(IReadOnlyList<MessageBatch> list, string id)
    {
        for (int i = 0; i < list.Count; i++)
            if (list[i].Id == id) return i;
        return -1;
    }
}
