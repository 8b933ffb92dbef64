using BatchTui.Core.Api;
using BatchTui.Tests.Support;
using BatchTui.Tui.Batches;

namespace BatchTui.Tests.Models;

/// <summary>The start-up prefetch: the list's first load takes the request already sent, and only that one.</summary>
public sealed class PrefetchedFirstPageTests
{
    [Fact]
    public async Task The_first_load_uses_the_prefetched_page_and_later_loads_go_to_the_server()
    {
        await using var world = await World.StartAsync();
        var counting = new CountingApi(world.Api);
        var api = new PrefetchedFirstPage(counting, BatchListModel.NewestPage(10));
        var model = new BatchListModel(api, 10);

        await model.LoadNewestAsync();
        Assert.Equal(["LIST 10 before=- after=-"], counting.Lists); // one request, sent by the prefetch
        List<string> newest = (await world.Api.ListAsync(new PageRequest(10))).Data.Select(b => b.Id).ToList();
        Assert.Equal(newest, model.State.Page.Select(b => b.Id).ToList());

        await model.LoadNewestAsync(); // a refresh is a new request, never the old answer again
        Assert.Equal(2, counting.Lists.Count);
    }

    [Fact]
    public async Task A_different_first_request_is_sent_as_asked()
    {
        await using var world = await World.StartAsync();
        var counting = new CountingApi(world.Api);
        var api = new PrefetchedFirstPage(counting, new PageRequest(10));

        BatchPage page = await api.ListAsync(new PageRequest(3));
        Assert.Equal(3, page.Data.Count);
        Assert.Contains("LIST 3 before=- after=-", counting.Lists);
    }

    [Fact]
    public async Task A_failed_prefetch_reaches_the_first_load_as_the_api_error()
    {
        var api = new PrefetchedFirstPage(new UnreachableApi(), new PageRequest(10));
        await Assert.ThrowsAsync<BatchApiException>(() => api.ListAsync(new PageRequest(10)));
    }

    [Fact]
    public async Task An_answer_already_in_can_be_taken_once_and_then_loads_go_to_the_server()
    {
        await using var world = await World.StartAsync();
        var counting = new CountingApi(world.Api);
        var api = new PrefetchedFirstPage(counting, BatchListModel.NewestPage(10));

        Assert.True(api.TryTakeAnswer(TimeSpan.FromSeconds(30), out BatchPage? page)); // a bound, not a delay
        var model = new BatchListModel(api, 10);
        model.ShowNewest(page);
        List<string> newest = (await world.Api.ListAsync(new PageRequest(10))).Data.Select(b => b.Id).ToList();
        Assert.Equal(newest, model.State.Page.Select(b => b.Id).ToList());
        Assert.True(model.State.Loaded);

        Assert.False(api.TryTakeAnswer(TimeSpan.Zero, out _)); // taken once
        await model.LoadNewestAsync(); // the next load is a fresh request
        Assert.Equal(2, counting.Lists.Count);
    }

    [Fact]
    public async Task A_failed_prefetch_is_never_taken_and_the_first_load_reports_it()
    {
        var api = new PrefetchedFirstPage(new UnreachableApi(), new PageRequest(10));
        Assert.False(api.TryTakeAnswer(TimeSpan.FromSeconds(30), out BatchPage? page));
        Assert.Null(page);
        await Assert.ThrowsAsync<BatchApiException>(() => api.ListAsync(new PageRequest(10)));
    }
}
