using BatchTui.Core.Api;

namespace BatchTui.Tui.Batches;

/// <summary>
/// The batch list: cursor paging both ways, a filter that survives paging and refresh, and a selection that follows
/// the batch (by id), not the row. Fetches run off the UI thread; their results are applied through
/// <c>post</c> (the UI loop in the app, inline in tests), so <see cref="State"/> only changes there.
/// Methods throw <see cref="BatchApiException"/>; the caller shows it.
/// </summary>
public sealed class BatchListModel
{
    /// <summary>The statuses whose batches can still change, so a refresh re-fetches them.</summary>
    // A malformed batch or one with an odd id is not fetched again: that call would fail and take the refresh with it.
    public static bool CanChange(MessageBatch b) =>
        b.Status is BatchStatus.InProgress or BatchStatus.Canceling or BatchStatus.Unknown && b.Unactionable is null;

    private const int MaxParallelRetrieves = 4;
    private readonly IBatchesApi _api;
    private readonly Action<Action> _post;
    private volatile ListState _state = ListState.Empty;

    public BatchListModel(IBatchesApi api, int pageSize, Action<Action>? post = null)
    {
        if (pageSize is < 1 or > 1000) throw new ArgumentOutOfRangeException(nameof(pageSize), pageSize, "page size must be 1..1000");
        _api = api;
        PageSize = pageSize;
        _post = post ?? (a => a());
    }

    public int PageSize { get; }
    /// <summary>The request for the newest page: what the first load sends (so start-up can send it early).</summary>
    public static PageRequest NewestPage(int pageSize) => new(pageSize);
    public ListState State => _state;

    /// <summary>Raised on the UI side whenever <see cref="State"/> changed.</summary>
    public event Action? Changed;

    // ---- page moves ------------------------------------------------------------------------------------------

    public async Task LoadNewestAsync(CancellationToken ct = default)
    {
        string? keep = _state.SelectedId;
        BatchPage page = await _api.ListAsync(NewestPage(PageSize), ct).ConfigureAwait(false);
        Apply(s => s.WithNewPage(page.Data, 1, hasNewer: false, hasOlder: page.HasMore, select: keep));
    }

    /// <summary>Shows <paramref name="page"/> as the newest page now; for a caller on the UI side with the answer in hand.</summary>
    public void ShowNewest(BatchPage page) =>
        Set(_state.WithNewPage(page.Data, 1, hasNewer: false, hasOlder: page.HasMore, select: _state.SelectedId));

    /// <summary>The next (older) page: <c>after_id = last_id</c>. False when there is none.</summary>
    public async Task<bool> OlderPageAsync(CancellationToken ct = default)
    {
        ListState s = _state;
        if (s.Page.Count == 0 || !s.HasOlder) return false;
        BatchPage page = await _api.ListAsync(new PageRequest(PageSize, AfterId: s.Page[^1].Id), ct).ConfigureAwait(false);
        if (page.Data.Count == 0)
        {
            Apply(cur => cur.Generation == s.Generation ? cur.WithHasOlder(false) : cur);
            return false;
        }
        Apply(cur => cur.WithNewPage(page.Data, s.PageNumber + 1, hasNewer: true, hasOlder: page.HasMore));
        return true;
    }

    /// <summary>The previous (newer) page: <c>before_id = first_id</c>. False when already on the newest.</summary>
    public async Task<bool> NewerPageAsync(CancellationToken ct = default)
    {
        ListState s = _state;
        if (s.Page.Count == 0 || !s.HasNewer) return false;
        BatchPage page = await _api.ListAsync(new PageRequest(PageSize, BeforeId: s.Page[0].Id), ct).ConfigureAwait(false);
        if (page.Data.Count == 0)
        {
            await LoadNewestAsync(ct).ConfigureAwait(false);
            return true;
        }
        // has_more refers to the direction asked for: more newer batches beyond this page.
        int? number = page.HasMore ? (s.PageNumber is { } n ? Math.Max(2, n - 1) : null) : 1;
        Apply(cur => cur.WithNewPage(page.Data, number, hasNewer: page.HasMore, hasOlder: true));
        return true;
    }

    /// <summary>
    /// Shows the page that starts at <paramref name="batchId"/> and selects it (the <c>:</c> prompt). Throws a 404
    /// <see cref="BatchApiException"/> when there is no such batch.
    /// </summary>
    public async Task JumpToAsync(string batchId, CancellationToken ct = default)
    {
        batchId = batchId.Trim();
        ListState s = _state;
        if (s.Page.Any(b => b.Id == batchId))
        {
            Apply(cur => Reveal(cur, batchId));
            return;
        }
        MessageBatch target = await _api.GetAsync(batchId, ct).ConfigureAwait(false);
        // The batch just newer than the target is the cursor for a page that starts with the target.
        BatchPage neighbour = await _api.ListAsync(new PageRequest(1, BeforeId: target.Id), ct).ConfigureAwait(false);
        if (neighbour.Data.Count == 0)
        {
            BatchPage newest = await _api.ListAsync(NewestPage(PageSize), ct).ConfigureAwait(false);
            Apply(cur => Reveal(cur.WithNewPage(newest.Data, 1, false, newest.HasMore, target.Id), target.Id));
            return;
        }
        BatchPage page = await _api.ListAsync(new PageRequest(PageSize, AfterId: neighbour.Data[^1].Id), ct).ConfigureAwait(false);
        Apply(cur => Reveal(cur.WithNewPage(page.Data, null, hasNewer: true, hasOlder: page.HasMore, target.Id), target.Id));
    }

    // Clears a filter that would hide the batch the user asked for.
    private static ListState Reveal(ListState s, string id)
    {
        if (!s.Filter.IsEmpty && s.Visible.All(b => b.Id != id)) s = s.WithFilter(BatchFilter.None);
        return s.WithSelection(id);
    }

    // ---- refresh -----------------------------------------------------------------------------------------------

    /// <summary>
    /// Re-fetches only what can change: the batches on this page that are in progress or canceling (retrieve), and on
    /// the newest page the batches created since (<c>before_id = first_id</c>). The selection stays on its batch.
    /// </summary>
    public async Task<RefreshOutcome> RefreshAsync(CancellationToken ct = default)
    {
        ListState s = _state;
        if (!s.Loaded)
        {
            await LoadNewestAsync(ct).ConfigureAwait(false);
            return new RefreshOutcome(0, _state.Page.Count, 0, true);
        }

        var live = s.Page.Where(CanChange).Select(b => b.Id).ToList();
        var updated = new Dictionary<string, MessageBatch>();
        var gone = new HashSet<string>();
        await Parallel.ForEachAsync(live, new ParallelOptions { MaxDegreeOfParallelism = MaxParallelRetrieves, CancellationToken = ct },
            async (id, _) =>
            {
                try
                {
                    // The caller's token, not the loop's: when one retrieve fails, the loop starts no more, and the ones
                    // already sent finish instead of being abandoned mid-flight (the server would still answer them after
                    // the refresh had failed, and a test's next injected fault went to one of those stragglers).
                    MessageBatch b = await _api.GetAsync(id, ct).ConfigureAwait(false);
                    lock (updated) updated[id] = b;
                }
                catch (BatchApiException e) when (e.Status == 404)
                {
                    lock (gone) gone.Add(id);
                }
            }).ConfigureAwait(false);

        IReadOnlyList<MessageBatch> fresh = [];
        bool replaceAll = false;
        if (s.PageNumber == 1 && !s.HasNewer)
        {
            if (s.Page.Count == 0)
            {
                fresh = (await _api.ListAsync(NewestPage(PageSize), ct).ConfigureAwait(false)).Data;
                replaceAll = true;
            }
            else
            {
                BatchPage newer = await _api.ListAsync(new PageRequest(PageSize, BeforeId: s.Page[0].Id), ct).ConfigureAwait(false);
                fresh = newer.Data;
                if (newer.HasMore)
                {
                    // More than a page of new batches: take the newest page whole.
                    fresh = (await _api.ListAsync(NewestPage(PageSize), ct).ConfigureAwait(false)).Data;
                    replaceAll = true;
                }
            }
        }

        var outcome = RefreshOutcome.Nothing;
        Apply(cur =>
        {
            IReadOnlyList<MessageBatch> page = cur.Page;
            bool samePage = cur.Generation == s.Generation;
            int fresher = 0;
            if (samePage && (fresh.Count > 0 || replaceAll))
            {
                var known = new HashSet<string>(page.Select(b => b.Id));
                fresher = fresh.Count(b => !known.Contains(b.Id));
                page = replaceAll ? Merge(fresh, page, cur.SelectedId) : fresh.Where(b => !known.Contains(b.Id)).Concat(page).ToList();
            }
            int removed = page.Count(b => gone.Contains(b.Id));
            page = page.Where(b => !gone.Contains(b.Id)).Select(b => updated.GetValueOrDefault(b.Id, b)).ToList();
            page = Trim(page, cur.SelectedId);
            outcome = new RefreshOutcome(updated.Count, fresher, removed, samePage);
            return cur.WithContents(page);
        });
        return outcome;
    }

    // The newest page replaced whole, but the selected batch is kept (with the rows up to it) if it fell off.
    private static IReadOnlyList<MessageBatch> Merge(IReadOnlyList<MessageBatch> fresh, IReadOnlyList<MessageBatch> old, string? selectedId)
    {
        if (selectedId is null || fresh.Any(b => b.Id == selectedId)) return fresh;
        int at = -1;
        for (int i = 0; i < old.Count; i++) if (old[i].Id == selectedId) at = i;
        if (at < 0) return fresh;
        var ids = new HashSet<string>(fresh.Select(b => b.Id));
        return fresh.Concat(old.Take(at + 1).Where(b => !ids.Contains(b.Id))).ToList();
    }

    // New batches push old ones down; keep the page bounded, but never cut off the selected batch.
    private IReadOnlyList<MessageBatch> Trim(IReadOnlyList<MessageBatch> page, string? selectedId)
    {
        if (page.Count <= PageSize) return page;
        int keep = PageSize;
        for (int i = PageSize; i < page.Count; i++) if (page[i].Id == selectedId) keep = i + 1;
        return page.Take(keep).ToList();
    }

    // ---- local changes -----------------------------------------------------------------------------------------

    /// <summary>A batch came back from cancel (or create): replace it in place, or put a new one on top and select it.</summary>
    public void Upsert(MessageBatch batch, bool select = false)
    {
        Apply(s =>
        {
            bool present = s.Page.Any(b => b.Id == batch.Id);
            IReadOnlyList<MessageBatch> page = present
                ? s.Page.Select(b => b.Id == batch.Id ? batch : b).ToList()
                : s.IsNewestPage || s.Page.Count == 0 ? [batch, .. s.Page] : s.Page;
            ListState next = s.WithContents(page);
            if (select && next.Page.Any(b => b.Id == batch.Id)) next = Reveal(next, batch.Id);
            return next;
        });
    }

    /// <summary>A batch was deleted: drop it; the selection moves to its neighbour.</summary>
    public void Remove(string batchId) => Apply(s => s.WithContents(s.Page.Where(b => b.Id != batchId).ToList()));

    // ---- selection and filter (UI thread) -----------------------------------------------------------------------

    public void Move(int delta)
    {
        ListState s = _state;
        if (s.Visible.Count == 0) return;
        Set(s.WithSelection(Math.Clamp(s.SelectedIndex + delta, 0, s.Visible.Count - 1)));
    }

    public void First() => Select(0);
    public void Last() => Select(_state.Visible.Count - 1);

    public void Select(int index)
    {
        ListState s = _state;
        if (s.Visible.Count == 0) return;
        Set(s.WithSelection(Math.Clamp(index, 0, s.Visible.Count - 1)));
    }

    public void SetFilter(BatchFilter filter) => Set(_state.WithFilter(filter with { LabelOf = LabelOf }));

    /// <summary>The local label of a batch, for the filter to match (null: ids only).</summary>
    public Func<string, string?>? LabelOf { get; set; }

    /// <summary>The filter applied again (the labels it matches changed).</summary>
    public void Refilter()
    {
        if (!_state.Filter.IsEmpty) SetFilter(_state.Filter);
    }

    private void Apply(Func<ListState, ListState> change) => _post(() => Set(change(_state)));

    private void Set(ListState next)
    {
        if (ReferenceEquals(next, _state)) return;
        _state = next;
        Changed?.Invoke();
    }
}
