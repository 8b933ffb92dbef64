using BatchTui.Core.Api;

namespace BatchTui.Core.Tests.Api;

/// <summary>
/// The server's <c>retry-after</c> on the answer the client finally gave up on reaches the caller as
/// <see cref="BatchApiException.RetryAfter"/>, so the UI can wait as long as it was asked.
/// </summary>
public sealed class RetryAfterTests
{
    private const string Key = "sk-ant-retry-after-test";

    private static AnthropicBatchesApi Client(Uri baseUrl, int maxRetries, List<TimeSpan> delays) => new(new BatchesApiSettings
    {
        BaseUrl = baseUrl,
        ApiKey = new ApiKey(Key),
        MaxRetries = maxRetries,
        Delay = (d, _) => { delays.Add(d); return Task.CompletedTask; },
        Jitter = () => 0.5,
    });

    [Fact]
    public async Task A_429_with_retry_after_and_no_retries_left_carries_the_pause()
    {
        await using var sim = await World.StartAsync(seedWorld: false, retries: 0);
        sim.Sim.Chaos.FailNext(1, 429, retryAfterSeconds: 7);
        var e = await Assert.ThrowsAsync<BatchApiException>(() => sim.Api.ListAsync(new PageRequest()));
        Assert.Equal((429, "rate_limit_error"), (e.Status, e.ErrorType));
        Assert.Equal(TimeSpan.FromSeconds(7), e.RetryAfter);
        Assert.StartsWith("req_", e.RequestId);
    }

    [Fact]
    public async Task After_retries_run_out_the_last_answers_retry_after_is_the_one_carried()
    {
        await using var sim = await World.StartAsync(seedWorld: false, retries: 2);
        sim.Sim.Chaos.FailNext(2, 429, retryAfterSeconds: 1);
        sim.Sim.Chaos.FailNext(1, 429, retryAfterSeconds: 9);
        var e = await Assert.ThrowsAsync<BatchApiException>(() => sim.Api.GetAsync("msgbatch_x"));
        Assert.Equal(429, e.Status);
        Assert.Equal(TimeSpan.FromSeconds(9), e.RetryAfter);
        Assert.Equal([TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1)], sim.RetryDelays);
    }

    [Fact]
    public async Task An_error_without_retry_after_carries_none_even_after_one_that_had_it()
    {
        await using var sim = await World.StartAsync(seedWorld: false, retries: 1);
        sim.Sim.Chaos.FailNext(1, 429, retryAfterSeconds: 4);
        sim.Sim.Chaos.FailNext(1, 529);
        var e = await Assert.ThrowsAsync<BatchApiException>(() => sim.Api.ListAsync(new PageRequest()));
        Assert.Equal((529, "overloaded_error"), (e.Status, e.ErrorType));
        Assert.Null(e.RetryAfter);

        // A call that succeeds after a 429 leaves nothing behind for the next failure.
        sim.Sim.Chaos.FailNext(1, 429, retryAfterSeconds: 2);
        Assert.Empty((await sim.Api.ListAsync(new PageRequest())).Data);
        var missing = await Assert.ThrowsAsync<BatchApiException>(() => sim.Api.GetAsync("msgbatch_missing"));
        Assert.Equal(404, missing.Status);
        Assert.Null(missing.RetryAfter);
    }

    [Fact]
    public async Task A_retry_after_too_long_to_wait_for_is_surfaced_with_its_length()
    {
        await using var sim = await World.StartAsync(seedWorld: false, retries: 4);
        sim.Sim.Chaos.FailNext(1, 429, retryAfterSeconds: 600);
        var e = await Assert.ThrowsAsync<BatchApiException>(() => sim.Api.ListAsync(new PageRequest()));
        Assert.Equal(TimeSpan.FromMinutes(10), e.RetryAfter);
        Assert.Empty(sim.RetryDelays); // not waited for: the caller decides
    }

    [Fact]
    public async Task Results_download_refused_with_retry_after_carries_it()
    {
        await using var sim = await World.StartAsync(seedWorld: true, retries: 0);
        var ended = (await sim.AllBatchesAsync(1000)).First(b => b.ResultsAvailable);
        sim.Sim.Chaos.FailNext(1, 529, retryAfterSeconds: 3);
        var e = await Assert.ThrowsAsync<BatchApiException>(() => sim.Api.OpenResultsAsync(ended.Id));
        Assert.Equal((529, TimeSpan.FromSeconds(3)), (e.Status, e.RetryAfter));
    }

    [Fact]
    public async Task Calls_side_by_side_each_get_their_own_retry_after()
    {
        await using var server = await ScriptedServer.StartAsync(async (ctx, _) =>
        {
            string id = ctx.Request.Path.Value!.Split('/')[^1]; // msgbatch_<seconds>
            ctx.Response.Headers["retry-after"] = id["msgbatch_".Length..];
            await ScriptedServer.Json(ctx, 429, SampleJson.Error("rate_limit_error", "slow down"));
        });
        using var api = Client(server.BaseUrl, 0, []);
        var calls = Enumerable.Range(1, 8).Select(async s =>
            (s, (await Assert.ThrowsAsync<BatchApiException>(() => api.GetAsync($"msgbatch_{s}"))).RetryAfter)).ToList();
        foreach (var (s, retryAfter) in await Task.WhenAll(calls))
            Assert.Equal(TimeSpan.FromSeconds(s), retryAfter);
    }

    [Fact]
    public async Task Retry_after_ms_wins_over_retry_after_and_a_date_is_read_against_the_clock()
    {
        var now = new DateTimeOffset(2026, 12, 2, 8, 0, 0, TimeSpan.Zero);
        await using var server = await ScriptedServer.StartAsync(async (ctx, _) =>
        {
            if (ctx.Request.Path.Value!.EndsWith("/ms"))
            {
                ctx.Response.Headers["retry-after-ms"] = "1500";
                ctx.Response.Headers["retry-after"] = "30";
            }
            else ctx.Response.Headers["retry-after"] = now.AddSeconds(45).ToString("R");
            await ScriptedServer.Json(ctx, 529, SampleJson.Error("overloaded_error", "Overloaded"));
        });
        using var api = new AnthropicBatchesApi(new BatchesApiSettings
        {
            BaseUrl = server.BaseUrl,
            ApiKey = new ApiKey(Key),
            MaxRetries = 0,
            Time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(now),
        });
        var ms = await Assert.ThrowsAsync<BatchApiException>(() => api.GetAsync("ms"));
        var date = await Assert.ThrowsAsync<BatchApiException>(() => api.GetAsync("date"));
        Assert.Equal(TimeSpan.FromMilliseconds(1500), ms.RetryAfter);
        Assert.Equal(TimeSpan.FromSeconds(45), date.RetryAfter);
    }

    [Fact]
    public async Task A_scrubbed_error_keeps_its_retry_after()
    {
        await using var server = await ScriptedServer.StartAsync(async (ctx, _) =>
        {
            ctx.Response.Headers["retry-after"] = "5";
            await ScriptedServer.Json(ctx, 429, SampleJson.Error("rate_limit_error", $"key {Key} is rate limited"));
        });
        using var api = Client(server.BaseUrl, 0, []);
        var e = await Assert.ThrowsAsync<BatchApiException>(() => api.ListAsync(new PageRequest()));
        Assert.DoesNotContain(Key, e.Message);
        Assert.Equal(TimeSpan.FromSeconds(5), e.RetryAfter);
    }
}
