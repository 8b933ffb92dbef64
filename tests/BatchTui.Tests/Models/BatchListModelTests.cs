using BatchTui.Core.Api;
using BatchTui.Tests.Support;
using BatchTui.Tui.Batches;

namespace BatchTui.Tests.Models;

/// <summary>
/// The batch list's view-model and auto-refresher with no terminal: the real client over loopback HTTP to the
/// simulator, everything on one fake clock (time moves only when a test advances it).
/// </summary>
public sealed class BatchListModelTests
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(5);

    private static List<string> Ids(IEnumerable<MessageBatch> batches) => batches.Select(b => b.Id).ToList();

    // ---- paging ------------------------------------------------------------------------------------------------

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(10)]
    [InlineData(1000)]
    public async Task Paging_forward_to_the_end_and_back_again_equals_the_full_listing(int pageSize)
    {
        await using var world = await World.StartAsync();
        List<string> all = Ids(await world.AllBatchesAsync());
        Assert.True(all.Count > 40, $"seeded world has {all.Count} batches");
        if (pageSize == 7) Assert.NotEqual(0, all.Count % pageSize); // the last page is a short one
        var api = new CountingApi(world.Api);
        var model = new BatchListModel(api, pageSize);

        await model.LoadNewestAsync();
        Assert.True(model.State.IsNewestPage);
        var forward = new List<string>(Ids(model.State.Page));
        int pages = 1;
        while (await model.OlderPageAsync())
        {
            pages++;
            ListState s = model.State;
            Assert.Equal(pages, s.PageNumber);
            Assert.True(s.HasNewer);
            Assert.InRange(s.Page.Count, 1, pageSize);
            Assert.Equal(0, s.SelectedIndex); // a new page starts at its first row
            forward.AddRange(Ids(s.Page));
        }
        Assert.False(model.State.HasOlder);
        Assert.Equal((all.Count + pageSize - 1) / pageSize, pages);
        Assert.Equal(all, forward);

        var backward = new List<List<string>> { Ids(model.State.Page) };
        while (await model.NewerPageAsync()) backward.Add(Ids(model.State.Page));
        Assert.True(model.State.IsNewestPage);
        Assert.Equal(1, model.State.PageNumber);
        Assert.False(await model.NewerPageAsync());
        backward.Reverse();
        List<string> joined = backward.SelectMany(p => p).ToList();
        Assert.Equal(all, joined); // same order, so no duplicate and no gap

        // Every move went by cursor: after_id = last id of the page, before_id = first id.
        Assert.All(api.Lists.Skip(1), l => Assert.Matches(@"^LIST \d+ (before=msgbatch_\S+ after=-|before=- after=msgbatch_\S+)$", l));
        Assert.Empty(api.Gets);
    }

    [Fact]
    public async Task Newest_page_key_goes_back_to_page_one_from_deep_in_the_list()
    {
        await using var world = await World.StartAsync();
        List<string> all = Ids(await world.AllBatchesAsync());
        var model = new BatchListModel(world.Api, 10);
        await model.LoadNewestAsync();
        for (int i = 0; i < 3; i++) Assert.True(await model.OlderPageAsync());
        Assert.Equal(all.Skip(30).Take(10), Ids(model.State.Page));
        await model.LoadNewestAsync();
        Assert.True(model.State.IsNewestPage);
        Assert.Equal(all.Take(10), Ids(model.State.Page));
    }

    // ---- selection across refresh ----------------------------------------------------------------------------

    [Fact]
    public async Task Selection_on_page_two_stays_on_its_batch_while_batches_are_created_and_it_is_canceled()
    {
        await using var world = await World.StartAsync();
        List<MessageBatch> all = await world.AllBatchesAsync();
        // An in-progress batch that lands on page 2, not on its first row.
        int at = all.FindIndex(3, b => b.Status == BatchStatus.InProgress);
        Assert.True(at >= 3, "the seeded world has a batch in progress past the first rows");
        int pageSize = at / 2 + 1;
        MessageBatch target = all[at];
        var model = new BatchListModel(world.Api, pageSize);
        await model.LoadNewestAsync();
        Assert.True(await model.OlderPageAsync());
        Assert.Equal(2, model.State.PageNumber);
        int row = Ids(model.State.Visible).IndexOf(target.Id);
        Assert.True(row > 0, $"{target.Id} is on page 2 below its first row");
        model.Select(row);
        Assert.Equal(target.Id, model.State.SelectedId);

        // Someone else creates batches: page 2 is not re-listed, the selection does not move.
        for (int i = 0; i < 3; i++) await world.CreateBatchAsync();
        RefreshOutcome first = await model.RefreshAsync();
        Assert.True(first.Applied);
        Assert.Equal(target.Id, model.State.SelectedId);
        Assert.Equal(row, model.State.SelectedIndex);
        Assert.Equal(BatchStatus.InProgress, model.State.Selected!.Status);

        // The selected batch gets canceled on the server: still selected, its status follows.
        MessageBatch canceling = await world.Api.CancelAsync(target.Id);
        Assert.Equal(BatchStatus.Canceling, canceling.Status);
        await model.RefreshAsync();
        Assert.Equal(target.Id, model.State.SelectedId);
        Assert.Equal(BatchStatus.Canceling, model.State.Selected!.Status);
        Assert.NotNull(model.State.Selected.CancelInitiatedAt);

        // The cancel finalizes (30 s of virtual time): ended, still the same row.
        world.Time.Advance(TimeSpan.FromMinutes(1));
        await model.RefreshAsync();
        Assert.Equal(target.Id, model.State.SelectedId);
        Assert.Equal(row, model.State.SelectedIndex);
        Assert.Equal(BatchStatus.Ended, model.State.Selected!.Status);
        Assert.NotNull(model.State.Selected.EndedAt);
    }

    [Fact]
    public async Task Selection_on_the_newest_page_stays_on_its_batch_as_new_batches_push_it_down()
    {
        await using var world = await World.StartAsync();
        const int pageSize = 8;
        var model = new BatchListModel(world.Api, pageSize);
        await model.LoadNewestAsync();
        model.Select(2);
        string selected = model.State.SelectedId!;

        var created = new List<string>();
        for (int i = 0; i < 3; i++) created.Insert(0, (await world.CreateBatchAsync()).Id);
        RefreshOutcome outcome = await model.RefreshAsync();
        Assert.Equal(3, outcome.New);
        Assert.Equal(created, Ids(model.State.Page.Take(3))); // new ones on top, newest first
        Assert.Equal(selected, model.State.SelectedId);
        Assert.Equal(5, model.State.SelectedIndex);
        Assert.Equal(pageSize, model.State.Page.Count); // the page stays bounded

        // More than a page of new batches: the newest page is taken whole, the selected batch is kept below it.
        for (int i = 0; i < pageSize + 2; i++) await world.CreateBatchAsync();
        await model.RefreshAsync();
        Assert.Equal(selected, model.State.SelectedId);
        List<string> newest = Ids(await world.AllBatchesAsync()).Take(pageSize).ToList();
        Assert.Equal(newest, Ids(model.State.Page.Take(pageSize)));
        Assert.Equal(Ids(model.State.Page).Distinct().Count(), model.State.Page.Count);
    }

    // ---- what a refresh fetches ------------------------------------------------------------------------------

    [Fact]
    public async Task Refresh_re_fetches_only_batches_that_can_change_and_lists_only_what_is_newer()
    {
        await using var world = await World.StartAsync();
        var api = new CountingApi(world.Api);
        var model = new BatchListModel(api, 30);
        await model.LoadNewestAsync();
        IReadOnlyList<MessageBatch> page = model.State.Page;
        List<string> live = Ids(page.Where(BatchListModel.CanChange));
        List<string> ended = Ids(page.Where(b => b.Status == BatchStatus.Ended));
        Assert.NotEmpty(live);
        Assert.NotEmpty(ended);

        api.Clear();
        await model.RefreshAsync();
        Assert.Equal(live.Order(), api.Gets.Order());
        Assert.Empty(api.Gets.Intersect(ended));
        Assert.Equal([$"LIST 30 before={page[0].Id} after=-"], api.Lists);

        // On an older page nothing is listed; only its live batches are retrieved.
        Assert.True(await model.OlderPageAsync());
        api.Clear();
        await model.RefreshAsync();
        Assert.Empty(api.Lists);
        Assert.Equal(Ids(model.State.Page.Where(BatchListModel.CanChange)).Order(), api.Gets.Order());
        Assert.Empty(api.Gets.Intersect(Ids(model.State.Page.Where(b => b.IsEnded))));
    }

    [Fact]
    public async Task Auto_refresh_fetches_no_ended_batch_over_many_cycles()
    {
        await using var world = await World.StartAsync();
        var api = new CountingApi(world.Api);
        var model = new BatchListModel(api, 50);
        await model.LoadNewestAsync();
        HashSet<string> endedAtStart = [.. Ids(model.State.Page.Where(b => b.IsEnded))];
        using var refresher = new AutoRefresher(world.Time, RefreshPolicy.Every(Interval), ct => model.RefreshAsync(ct));
        refresher.Start();
        api.Clear();
        for (int i = 1; i <= 4; i++)
        {
            world.Time.Advance(Interval);
            await refresher.Current;
            Assert.Equal(i, refresher.Attempts);
            Assert.Null(refresher.Status.LastError);
        }
        Assert.NotEmpty(api.Gets);
        Assert.DoesNotContain(api.Gets, endedAtStart.Contains);
        Assert.Equal(4, api.Lists.Count);
    }

    // ---- back-off on 429 ---------------------------------------------------------------------------------------

    [Theory]
    [InlineData(null, 10)] // no retry-after: the policy's back-off, twice the interval
    [InlineData(30, 30)]   // a longer retry-after wins
    [InlineData(3, 10)]    // a shorter one does not bring the retry forward
    public async Task Auto_refresh_backs_off_on_429_as_the_policy_and_retry_after_say_then_recovers(int? retryAfter, int expectedSeconds)
    {
        await using var world = await World.StartAsync();
        var api = new CountingApi(world.Api);
        var model = new BatchListModel(api, 20);
        await model.LoadNewestAsync();
        var policy = RefreshPolicy.Every(Interval);
        TimeSpan expected = TimeSpan.FromSeconds(expectedSeconds);
        Assert.Equal(expected, policy.DelayAfter(1, retryAfter is { } r ? TimeSpan.FromSeconds(r) : null));
        using var refresher = new AutoRefresher(world.Time, policy, ct => model.RefreshAsync(ct));
        refresher.Start();

        world.Time.Advance(Interval);
        await refresher.Current;
        Assert.Equal((1, RefreshPhase.Waiting), (refresher.Attempts, refresher.Status.Phase));

        world.Sim.Chaos.FailNext(1, 429, retryAfter);
        world.Time.Advance(Interval);
        await refresher.Current;
        RefreshStatus failed = refresher.Status;
        Assert.Equal((2, RefreshPhase.BackingOff, 1), (refresher.Attempts, failed.Phase, failed.Failures));
        Assert.Equal(429, ApiErrors.StatusOf(failed.LastError));
        Assert.Equal(retryAfter is { } s ? TimeSpan.FromSeconds(s) : null, ApiErrors.RetryAfterOf(failed.LastError));
        Assert.Equal(world.Time.GetUtcNow() + expected, failed.NextAt);
        Assert.Equal($"retry in {expectedSeconds}s (429)", failed.Describe(world.Time.GetUtcNow()));

        // Less than the delay: nothing is sent.
        int calls = api.Calls.Count;
        world.Time.Advance(expected - TimeSpan.FromMilliseconds(100));
        Assert.True(refresher.Current.IsCompleted);
        Assert.Equal(2, refresher.Attempts);
        Assert.Equal(calls, api.Calls.Count);

        // Past it: the retry runs, succeeds, and the normal interval is back.
        world.Time.Advance(TimeSpan.FromMilliseconds(200));
        await refresher.Current;
        Assert.Equal(3, refresher.Attempts);
        Assert.True(api.Calls.Count > calls);
        RefreshStatus ok = refresher.Status;
        Assert.Equal((RefreshPhase.Waiting, 0), (ok.Phase, ok.Failures));
        Assert.Null(ok.LastError);
        Assert.Equal(world.Time.GetUtcNow(), ok.LastSuccessAt);
        Assert.Equal(world.Time.GetUtcNow() + Interval, ok.NextAt);

        world.Time.Advance(Interval - TimeSpan.FromMilliseconds(100));
        Assert.Equal(3, refresher.Attempts);
        world.Time.Advance(TimeSpan.FromMilliseconds(200));
        await refresher.Current;
        Assert.Equal(4, refresher.Attempts);
    }

    // Was skipped as flaky (1 run in 8 under load): a refresh whose retrieve failed abandoned its other retrieves mid-flight,
    // the server answered one of them after the test had armed the next fault, and that straggler took it. Retrieves
    // now finish before a refresh fails (40 runs × 4 under a 3-process CPU load: all passed; before, 4 of 40 failed).
    [Fact]
    public async Task Consecutive_failures_double_the_wait_and_a_manual_refresh_still_backs_off_the_next()
    {
        await using var world = await World.StartAsync();
        var model = new BatchListModel(world.Api, 20);
        await model.LoadNewestAsync();
        string selected = model.State.SelectedId!;
        var policy = RefreshPolicy.Every(Interval);
        using var refresher = new AutoRefresher(world.Time, policy, ct => model.RefreshAsync(ct));
        refresher.Start();

        TimeSpan wait = Interval;
        foreach (int seconds in new[] { 10, 20, 40 })
        {
            world.Sim.Chaos.FailNext(1, 529);
            world.Time.Advance(wait);
            await refresher.Current;
            Assert.True(refresher.Status.Phase == RefreshPhase.BackingOff, $"before the {seconds}s wait: {refresher.Status}, attempt {refresher.Attempts}");
            wait = TimeSpan.FromSeconds(seconds);
            Assert.Equal(world.Time.GetUtcNow() + wait, refresher.Status.NextAt);
            Assert.Equal(selected, model.State.SelectedId); // a failed refresh changes nothing on screen
        }

        world.Sim.Chaos.FailNext(1, 429, retryAfterSeconds: 90);
        await refresher.RefreshNowAsync();
        Assert.Equal(4, refresher.Status.Failures);
        Assert.Equal(world.Time.GetUtcNow() + TimeSpan.FromSeconds(90), refresher.Status.NextAt);

        world.Time.Advance(TimeSpan.FromSeconds(90));
        await refresher.Current;
        Assert.Equal((RefreshPhase.Waiting, 0), (refresher.Status.Phase, refresher.Status.Failures));
        Assert.Equal(world.Time.GetUtcNow() + Interval, refresher.Status.NextAt);
    }

    // ---- filter ------------------------------------------------------------------------------------------------

    [Fact]
    public async Task Status_filter_survives_paging_and_refresh_and_sees_every_match_once()
    {
        await using var world = await World.StartAsync();
        List<MessageBatch> all = await world.AllBatchesAsync();
        var filter = new BatchFilter("", BatchStatus.Ended);
        var model = new BatchListModel(world.Api, 9);
        model.SetFilter(filter);
        await model.LoadNewestAsync();

        var seen = new List<string>();
        do
        {
            Assert.Equal(filter, model.State.Filter);
            Assert.Equal(Ids(model.State.Page.Where(b => b.IsEnded)), Ids(model.State.Visible));
            await model.RefreshAsync();
            Assert.Equal(filter, model.State.Filter);
            Assert.All(model.State.Visible, b => Assert.Equal(BatchStatus.Ended, b.Status));
            seen.AddRange(Ids(model.State.Visible));
        } while (await model.OlderPageAsync());
        Assert.Equal(Ids(all.Where(b => b.IsEnded)), seen);

        while (await model.NewerPageAsync()) Assert.Equal(filter, model.State.Filter);
        Assert.Equal(filter, model.State.Filter);
        Assert.True(model.State.IsNewestPage);
    }

    [Fact]
    public async Task Id_substring_and_status_filter_survive_paging_and_a_refresh_that_brings_new_batches()
    {
        await using var world = await World.StartAsync();
        List<MessageBatch> all = await world.AllBatchesAsync();
        // A one-character substring that picks out some batches but not all.
        string part = "abcdefghijklmnopqrstuvwxyz0123456789".Select(c => c.ToString())
            .First(c => all.Count(b => b.Id.Contains(c, StringComparison.OrdinalIgnoreCase)) is var n && n >= 5 && n <= all.Count - 5);
        var filter = BatchFilter.Parse(part);
        Assert.Equal((part, (BatchStatus?)null), (filter.IdContains, filter.Status));
        var model = new BatchListModel(world.Api, 10);
        await model.LoadNewestAsync();
        model.SetFilter(filter);

        var seen = new List<string>();
        do
        {
            Assert.Equal(filter, model.State.Filter);
            seen.AddRange(Ids(model.State.Visible));
        } while (await model.OlderPageAsync());
        Assert.Equal(Ids(all.Where(filter.Matches)), seen);

        // Back on the newest page with "in_progress <part>": new in-progress batches that match show up, others not.
        await model.LoadNewestAsync();
        var both = BatchFilter.Parse($"in_progress {part}");
        model.SetFilter(both);
        var created = new List<MessageBatch>();
        for (int i = 0; i < 6; i++) created.Add(await world.CreateBatchAsync());
        await model.RefreshAsync();
        Assert.Equal(both, model.State.Filter);
        Assert.All(model.State.Visible, b => Assert.True(b.Status == BatchStatus.InProgress && b.Id.Contains(part, StringComparison.OrdinalIgnoreCase)));
        List<string> matchingNew = Ids(created.Where(both.Matches));
        Assert.Equal(matchingNew.AsEnumerable().Reverse(), Ids(model.State.Visible.Where(b => created.Any(c => c.Id == b.Id))));
        Assert.Equal(Ids(model.State.Page.Where(both.Matches)), Ids(model.State.Visible));
    }
}
