using System.Globalization;
using System.Text.Json;

namespace BatchTui.Simulator.Tests;

/// <summary>The starting world has something in every state, spread over the last days, and depends only on the seed.</summary>
public sealed class SeededWorldTests
{
    private static async Task<List<JsonElement>> ListAsync(SimHost sim) =>
        (await sim.OkAsync(HttpMethod.Get, "/v1/messages/batches?limit=1000")).GetProperty("data").EnumerateArray().ToList();

    private static DateTimeOffset Created(JsonElement b) =>
        DateTimeOffset.Parse(b.Str("created_at")!, CultureInfo.InvariantCulture);

    [Fact]
    public async Task Every_state_is_present()
    {
        await using var sim = await SimHost.StartAsync(large: true);
        var all = await ListAsync(sim);
        bool Status(JsonElement b, string s) => b.Str("processing_status") == s;
        var now = SimHost.Epoch;

        Assert.InRange(all.Count, 55, 65);
        Assert.True(all.Count(b => Status(b, "in_progress") && now - Created(b) < TimeSpan.FromHours(2)) >= 5, "young in_progress");
        Assert.True(all.Count(b => Status(b, "in_progress") && now - Created(b) > TimeSpan.FromHours(18)) >= 3, "old in_progress");
        Assert.True(all.Count(b => Status(b, "canceling")) >= 3, "canceling");
        Assert.True(all.Count(b => Status(b, "ended") && b.Count("canceled") > 0) >= 3, "ended by cancel");
        Assert.True(all.Count(b => Status(b, "ended") && b.Count("expired") > 0) >= 3, "expired");
        Assert.True(all.Count(b => b.Str("archived_at") is not null) >= 3, "archived");
        Assert.True(all.Count(b => Status(b, "ended") && b.Count("errored") > 0 && b.Count("succeeded") > 0) >= 5, "mixed");
        Assert.Single(all, b => b.CountsSum() == 100_000);
        Assert.True(now - all.Min(Created) > TimeSpan.FromDays(5), "created_at spread over days");
        Assert.All(all, b => Assert.True(Created(b) < now));

        // Some in-progress batches finish within minutes of start, so there is something to watch end.
        sim.Advance(TimeSpan.FromMinutes(15));
        var later = await ListAsync(sim);
        int endedBefore = all.Count(b => Status(b, "ended")), endedAfter = later.Count(b => Status(b, "ended"));
        Assert.True(endedAfter > endedBefore);
    }

    [Fact]
    public async Task The_large_batch_and_the_world_are_optional()
    {
        await using var small = await SimHost.StartAsync(large: false);
        Assert.DoesNotContain(await ListAsync(small), b => b.CountsSum() == 100_000);
        await using var empty = await SimHost.StartAsync(seedWorld: false);
        var page = await empty.OkAsync(HttpMethod.Get, "/v1/messages/batches");
        Assert.Equal(0, page.GetProperty("data").GetArrayLength());
        Assert.False(page.GetProperty("has_more").GetBoolean());
        Assert.Equal(JsonValueKind.Null, page.GetProperty("first_id").ValueKind);
    }

    [Fact]
    public async Task The_world_is_deterministic_from_the_seed()
    {
        async Task<string> Listing(int seed)
        {
            await using var sim = await SimHost.StartAsync(seed: seed);
            string data = (await sim.OkAsync(HttpMethod.Get, "/v1/messages/batches?limit=1000")).GetProperty("data").ToString();
            return data.Replace(sim.Server.BaseUrl.ToString().TrimEnd('/'), "BASE"); // the port differs, nothing else
        }
        Assert.Equal(await Listing(3), await Listing(3));
        Assert.NotEqual(await Listing(3), await Listing(4));
    }

    [Fact]
    public async Task Ids_look_like_the_apis()
    {
        await using var sim = await SimHost.StartAsync();
        var ids = await sim.AllIdsAsync();
        Assert.All(ids, id => Assert.Matches("^msgbatch_01[0-9A-Za-z]{22}$", id));
        Assert.Equal(ids.Count, ids.Distinct().Count());
    }
}
