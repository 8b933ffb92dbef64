using System.Globalization;
using System.Text.Json;

namespace BatchTui.Simulator.Tests;

/// <summary>in_progress → (canceling) → ended on the virtual clock, driven by a FakeTimeProvider.</summary>
public sealed class LifecycleTests
{
    private static DateTimeOffset Time(JsonElement batch, string name) =>
        DateTimeOffset.Parse(batch.Str(name)!, CultureInfo.InvariantCulture);

    private static void AssertInProgress(JsonElement b, string status, int total)
    {
        Assert.Equal(status, b.Str("processing_status"));
        Assert.Equal(total, b.Count("processing"));
        Assert.Equal(total, b.CountsSum());
        Assert.Null(b.Str("ended_at"));
        Assert.Null(b.Str("results_url"));
        Assert.Null(b.Str("archived_at"));
    }

    private static void AssertEnded(JsonElement b, int total, Uri baseUrl)
    {
        Assert.Equal("ended", b.Str("processing_status"));
        Assert.Equal(0, b.Count("processing"));
        Assert.Equal(total, b.CountsSum());
        Assert.NotNull(b.Str("ended_at"));
        Assert.Equal($"{baseUrl.ToString().TrimEnd('/')}/v1/messages/batches/{b.Str("id")}/results", b.Str("results_url"));
    }

    [Fact]
    public async Task A_batch_ends_all_at_once_when_its_processing_time_has_passed()
    {
        await using var sim = await SimHost.StartAsync(seedWorld: false, createdDuration: TimeSpan.FromMinutes(10));
        var requests = Enumerable.Range(0, 40).Select(i => ($"q-{i}", "claude-haiku-4-5")).ToArray();
        var created = await sim.CreateAsync(requests);
        string id = created.Str("id")!;
        AssertInProgress(created, "in_progress", 40);
        Assert.Equal(SimHost.Epoch, Time(created, "created_at"));
        Assert.Equal(Time(created, "created_at").AddHours(24), Time(created, "expires_at"));
        Assert.Null(created.Str("cancel_initiated_at"));

        // Most requests are "done" by 9:59, but counts only move when the whole batch ends.
        sim.Advance(TimeSpan.FromMinutes(9) + TimeSpan.FromSeconds(59));
        AssertInProgress(await sim.OkAsync(HttpMethod.Get, $"/v1/messages/batches/{id}"), "in_progress", 40);

        sim.Advance(TimeSpan.FromSeconds(1));
        var ended = await sim.OkAsync(HttpMethod.Get, $"/v1/messages/batches/{id}");
        AssertEnded(ended, 40, sim.Server.BaseUrl);
        Assert.Equal(SimHost.Epoch.AddMinutes(10), Time(ended, "ended_at"));
        Assert.Equal(0, ended.Count("canceled") + ended.Count("expired"));
        Assert.Null(ended.Str("cancel_initiated_at"));

        // Once ended it never changes again.
        sim.Advance(TimeSpan.FromDays(2));
        Assert.Equal(ended.ToString(), (await sim.OkAsync(HttpMethod.Get, $"/v1/messages/batches/{id}")).ToString());

        // results_url is absolute and fetchable as given.
        using var results = await sim.Http.GetAsync(ended.Str("results_url"));
        Assert.Equal(200, (int)results.StatusCode);
    }

    [Fact]
    public async Task Speed_scales_the_virtual_clock()
    {
        await using var sim = await SimHost.StartAsync(seedWorld: false, speed: 60, createdDuration: TimeSpan.FromHours(1));
        string id = (await sim.CreateAsync(("only", "claude-opus-4-8"))).Str("id")!;
        sim.Advance(TimeSpan.FromSeconds(59));
        Assert.Equal("in_progress", (await sim.OkAsync(HttpMethod.Get, $"/v1/messages/batches/{id}")).Str("processing_status"));
        sim.Advance(TimeSpan.FromSeconds(1)); // 60 real seconds = 1 virtual hour
        Assert.Equal("ended", (await sim.OkAsync(HttpMethod.Get, $"/v1/messages/batches/{id}")).Str("processing_status"));
    }

    [Fact]
    public async Task Cancel_goes_through_canceling_and_ends_with_canceled_requests()
    {
        await using var sim = await SimHost.StartAsync(seedWorld: false, createdDuration: TimeSpan.FromHours(2),
            cancelDelay: TimeSpan.FromMinutes(1));
        var requests = Enumerable.Range(0, 200).Select(i => ($"row-{i:D3}", "claude-sonnet-4-6")).ToArray();
        string id = (await sim.CreateAsync(requests)).Str("id")!;
        sim.Advance(TimeSpan.FromMinutes(20));

        var canceling = await sim.OkAsync(HttpMethod.Post, $"/v1/messages/batches/{id}/cancel");
        AssertInProgress(canceling, "canceling", 200);
        Assert.Equal(SimHost.Epoch.AddMinutes(20), Time(canceling, "cancel_initiated_at"));

        sim.Advance(TimeSpan.FromSeconds(30));
        AssertInProgress(await sim.OkAsync(HttpMethod.Get, $"/v1/messages/batches/{id}"), "canceling", 200);

        sim.Advance(TimeSpan.FromSeconds(30));
        var ended = await sim.OkAsync(HttpMethod.Get, $"/v1/messages/batches/{id}");
        AssertEnded(ended, 200, sim.Server.BaseUrl);
        Assert.Equal(SimHost.Epoch.AddMinutes(21), Time(ended, "ended_at"));
        Assert.Equal(Time(canceling, "cancel_initiated_at"), Time(ended, "cancel_initiated_at"));
        // ~21 of 120 minutes ran: most requests were canceled, some had finished before.
        Assert.InRange(ended.Count("canceled"), 130, 195);
        Assert.InRange(ended.Count("succeeded") + ended.Count("errored"), 5, 70);
        Assert.Equal(0, ended.Count("expired"));

        var lines = await sim.ResultLinesAsync(id);
        Assert.Equal(ended.Count("canceled"), lines.Count(l => l.Contains("\"result\":{\"type\":\"canceled\"}")));
    }

    [Fact]
    public async Task A_batch_still_running_after_24_hours_expires()
    {
        await using var sim = await SimHost.StartAsync(seedWorld: false, createdDuration: TimeSpan.FromHours(30));
        var requests = Enumerable.Range(0, 100).Select(i => ($"e-{i}", "claude-opus-4-6")).ToArray();
        var created = await sim.CreateAsync(requests);
        string id = created.Str("id")!;

        sim.Advance(TimeSpan.FromHours(24) - TimeSpan.FromSeconds(1));
        AssertInProgress(await sim.OkAsync(HttpMethod.Get, $"/v1/messages/batches/{id}"), "in_progress", 100);
        sim.Advance(TimeSpan.FromSeconds(1));

        var ended = await sim.OkAsync(HttpMethod.Get, $"/v1/messages/batches/{id}");
        AssertEnded(ended, 100, sim.Server.BaseUrl);
        Assert.Equal(Time(created, "expires_at"), Time(ended, "ended_at"));
        Assert.InRange(ended.Count("expired"), 5, 40); // 24 of 30 hours ran
        Assert.Equal(0, ended.Count("canceled"));

        var types = (await sim.ResultLinesAsync(id))
            .Select(l => JsonDocument.Parse(l).RootElement.GetProperty("result").GetProperty("type").GetString()).ToList();
        Assert.Equal(ended.Count("expired"), types.Count(t => t == "expired"));
        Assert.Equal(ended.Count("succeeded"), types.Count(t => t == "succeeded"));
        Assert.Equal(ended.Count("errored"), types.Count(t => t == "errored"));
    }

    [Fact]
    public async Task A_cancel_after_the_end_is_refused_and_delete_then_works()
    {
        await using var sim = await SimHost.StartAsync(seedWorld: false, createdDuration: TimeSpan.FromMinutes(1));
        string id = (await sim.CreateAsync(("a", "m"))).Str("id")!;
        var (early, earlyJson) = await sim.SendAsync(HttpMethod.Delete, $"/v1/messages/batches/{id}");
        ApiAssert.Error(early, earlyJson, 400, "invalid_request_error");
        sim.Advance(TimeSpan.FromMinutes(1));
        var (late, lateJson) = await sim.SendAsync(HttpMethod.Post, $"/v1/messages/batches/{id}/cancel");
        ApiAssert.Error(late, lateJson, 400, "invalid_request_error", "ended");
        await sim.OkAsync(HttpMethod.Delete, $"/v1/messages/batches/{id}");
        Assert.Empty(await sim.AllIdsAsync());
    }

    [Fact]
    public async Task The_seeded_world_moves_on_with_the_clock()
    {
        await using var sim = await SimHost.StartAsync();
        var before = await sim.OkAsync(HttpMethod.Get, "/v1/messages/batches?limit=1000");
        int Ended(JsonElement page) => page.GetProperty("data").EnumerateArray().Count(b => b.Str("processing_status") == "ended");
        foreach (var b in before.GetProperty("data").EnumerateArray())
        {
            Assert.Equal(b.Get("request_counts").EnumerateObject().Sum(p => p.Value.GetInt32()), b.CountsSum());
            bool ended = b.Str("processing_status") == "ended";
            Assert.Equal(ended, b.Str("ended_at") is not null);
            Assert.Equal(ended, b.Str("results_url") is not null);
            Assert.Equal(ended, b.Count("processing") == 0);
            if (b.Str("processing_status") == "canceling") Assert.NotNull(b.Str("cancel_initiated_at"));
            if (b.Str("archived_at") is not null) Assert.True(ended);
            Assert.Equal(Time(b, "created_at").AddHours(24), Time(b, "expires_at"));
            if (ended) Assert.True(Time(b, "ended_at") <= Time(b, "expires_at"));
        }

        sim.Advance(TimeSpan.FromHours(25));
        var after = await sim.OkAsync(HttpMethod.Get, "/v1/messages/batches?limit=1000");
        Assert.True(Ended(after) > Ended(before));
        Assert.All(after.GetProperty("data").EnumerateArray(), b => Assert.Equal("ended", b.Str("processing_status")));
    }
}

internal static class JsonElementExtensions
{
    public static JsonElement Get(this JsonElement e, string name) => e.GetProperty(name);
}
