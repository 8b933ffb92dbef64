using System.Globalization;
using System.Text.Json;

namespace BatchTui.Simulator.Tests;

/// <summary>List: newest first, limit 1..1000 (default 20), after_id = the older page after that batch,
/// before_id = the newer page before it, has_more for the direction asked, empty pages at both ends.</summary>
public sealed class PagingTests : IAsyncLifetime
{
    private SimHost _sim = null!;

    public async Task InitializeAsync() => _sim = await SimHost.StartAsync();

    public async Task DisposeAsync() => await _sim.DisposeAsync();

    [Fact]
    public async Task Full_listing_is_newest_first_and_covers_the_seeded_world()
    {
        var page = await _sim.OkAsync(HttpMethod.Get, "/v1/messages/batches?limit=1000");
        var data = page.GetProperty("data").EnumerateArray().ToList();
        Assert.InRange(data.Count, 50, 70);
        var created = data.Select(b => DateTimeOffset.Parse(b.GetProperty("created_at").GetString()!, CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(created.OrderByDescending(t => t).ToList(), created);
        Assert.Equal(data[0].GetProperty("id").GetString(), page.Str("first_id"));
        Assert.Equal(data[^1].GetProperty("id").GetString(), page.Str("last_id"));
        var states = data.Select(b => b.GetProperty("processing_status").GetString()).ToHashSet();
        Assert.Equal(["canceling", "ended", "in_progress"], states.Order());
    }

    [Fact]
    public async Task Walking_forward_with_after_id_at_limit_2_equals_the_full_listing()
    {
        var all = await _sim.AllIdsAsync();
        var walked = new List<string>();
        string? cursor = null;
        int pages = 0;
        while (true)
        {
            var page = await _sim.OkAsync(HttpMethod.Get,
                "/v1/messages/batches?limit=2" + (cursor is null ? "" : $"&after_id={cursor}"));
            var ids = Ids(page);
            Assert.InRange(ids.Count, 1, 2);
            Assert.Equal(ids[0], page.Str("first_id"));
            Assert.Equal(ids[^1], page.Str("last_id"));
            walked.AddRange(ids);
            pages++;
            if (!page.GetProperty("has_more").GetBoolean()) break;
            cursor = page.Str("last_id");
        }
        Assert.Equal(all, walked);
        Assert.Equal((all.Count + 1) / 2, pages);
    }

    [Fact]
    public async Task Walking_backward_with_before_id_at_limit_2_equals_the_full_listing()
    {
        var all = await _sim.AllIdsAsync();
        var walked = new List<string> { all[^1] };
        string cursor = all[^1];
        while (true)
        {
            var page = await _sim.OkAsync(HttpMethod.Get, $"/v1/messages/batches?limit=2&before_id={cursor}");
            var ids = Ids(page);
            Assert.InRange(ids.Count, 1, 2);
            walked.InsertRange(0, ids); // each page is still newest-first, and sits just before the cursor
            if (!page.GetProperty("has_more").GetBoolean()) break;
            cursor = page.Str("first_id")!;
        }
        Assert.Equal(all, walked);
    }

    [Fact]
    public async Task Pages_past_either_end_are_empty_with_null_cursors()
    {
        var all = await _sim.AllIdsAsync();
        foreach (var path in new[] { $"after_id={all[^1]}", $"before_id={all[0]}" })
        {
            var page = await _sim.OkAsync(HttpMethod.Get, $"/v1/messages/batches?limit=5&{path}");
            Assert.Empty(Ids(page));
            Assert.False(page.GetProperty("has_more").GetBoolean());
            Assert.Equal(JsonValueKind.Null, page.GetProperty("first_id").ValueKind);
            Assert.Equal(JsonValueKind.Null, page.GetProperty("last_id").ValueKind);
        }
    }

    [Fact]
    public async Task Has_more_speaks_for_the_requested_direction()
    {
        var all = await _sim.AllIdsAsync();
        // The two newest, asked for from the third: nothing newer remains.
        var newer = await _sim.OkAsync(HttpMethod.Get, $"/v1/messages/batches?limit=2&before_id={all[2]}");
        Assert.Equal(all[..2], Ids(newer));
        Assert.False(newer.GetProperty("has_more").GetBoolean());
        // From the fourth: the second and third, and the newest still before them.
        var more = await _sim.OkAsync(HttpMethod.Get, $"/v1/messages/batches?limit=2&before_id={all[3]}");
        Assert.Equal(all[1..3], Ids(more));
        Assert.True(more.GetProperty("has_more").GetBoolean());
        // The two oldest, asked for with after_id: nothing older remains.
        var older = await _sim.OkAsync(HttpMethod.Get, $"/v1/messages/batches?limit=2&after_id={all[^3]}");
        Assert.Equal(all[^2..], Ids(older));
        Assert.False(older.GetProperty("has_more").GetBoolean());
    }

    [Fact]
    public async Task Limit_defaults_to_20_and_accepts_1_to_1000()
    {
        var page = await _sim.OkAsync(HttpMethod.Get, "/v1/messages/batches");
        Assert.Equal(20, Ids(page).Count);
        Assert.True(page.GetProperty("has_more").GetBoolean());
        Assert.Single(Ids(await _sim.OkAsync(HttpMethod.Get, "/v1/messages/batches?limit=1")));
        Assert.Equal((await _sim.AllIdsAsync()).Count, Ids(await _sim.OkAsync(HttpMethod.Get, "/v1/messages/batches?limit=1000")).Count);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("1001")]
    [InlineData("-5")]
    [InlineData("ten")]
    [InlineData("2.5")]
    public async Task Limit_out_of_range_is_an_invalid_request(string limit)
    {
        var (response, json) = await _sim.GetAsync($"/v1/messages/batches?limit={limit}");
        ApiAssert.Error(response, json, 400, "invalid_request_error", "limit");
    }

    [Fact]
    public async Task Both_cursors_at_once_or_an_unknown_cursor_is_an_invalid_request()
    {
        var all = await _sim.AllIdsAsync();
        var (r1, j1) = await _sim.GetAsync($"/v1/messages/batches?after_id={all[1]}&before_id={all[5]}");
        ApiAssert.Error(r1, j1, 400, "invalid_request_error", "after_id", "before_id");
        var (r2, j2) = await _sim.GetAsync("/v1/messages/batches?after_id=msgbatch_nope");
        ApiAssert.Error(r2, j2, 400, "invalid_request_error", "after_id", "msgbatch_nope");
        var (r3, j3) = await _sim.GetAsync("/v1/messages/batches?before_id=msgbatch_nope");
        ApiAssert.Error(r3, j3, 400, "invalid_request_error", "before_id");
    }

    [Fact]
    public async Task A_created_batch_heads_the_list()
    {
        var created = await _sim.CreateAsync(("first", "claude-sonnet-4-6"));
        var page = await _sim.OkAsync(HttpMethod.Get, "/v1/messages/batches?limit=1");
        Assert.Equal(created.Str("id"), Ids(page).Single());
    }

    private static List<string> Ids(JsonElement page) =>
        page.GetProperty("data").EnumerateArray().Select(b => b.GetProperty("id").GetString()!).ToList();
}
