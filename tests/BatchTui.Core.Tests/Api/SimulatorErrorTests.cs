using BatchTui.Core.Api;

namespace BatchTui.Core.Tests.Api;

/// <summary>Errors, retries and dropped connections injected by the simulator's chaos settings.</summary>
public sealed class SimulatorErrorTests
{
    [Fact]
    public async Task Unknown_id_maps_to_404_with_type_message_and_request_id()
    {
        await using var sim = await World.StartAsync(seedWorld: false, retries: 4);
        var e = await Assert.ThrowsAsync<BatchApiException>(() => sim.Api.GetAsync("msgbatch_doesnotexist"));
        Assert.Equal(404, e.Status);
        Assert.Equal("not_found_error", e.ErrorType);
        Assert.Contains("msgbatch_doesnotexist", e.ApiMessage);
        Assert.StartsWith("req_", e.RequestId);
        Assert.Equal($"404 not_found_error: {e.ApiMessage} (request-id {e.RequestId})", e.Message);
        Assert.Equal(0, sim.Api.Retries); // a 404 is final
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1001)]
    public async Task Out_of_range_limit_maps_to_400(int limit)
    {
        await using var sim = await World.StartAsync(seedWorld: false, retries: 4);
        var e = await Assert.ThrowsAsync<BatchApiException>(() => sim.Api.ListAsync(new PageRequest(limit)));
        Assert.Equal((400, "invalid_request_error"), (e.Status, e.ErrorType));
        Assert.False(string.IsNullOrEmpty(e.ApiMessage));
        Assert.NotNull(e.RequestId);
    }

    [Fact]
    public async Task Results_of_an_archived_or_unfinished_batch_are_a_400_not_an_empty_stream()
    {
        await using var sim = await World.StartAsync(retries: 4);
        var all = await sim.AllBatchesAsync(1000);
        var archived = all.First(b => b.ArchivedAt is not null);
        var running = all.First(b => b.Status == BatchStatus.InProgress);
        Assert.False(archived.ResultsAvailable);

        var a = await Assert.ThrowsAsync<BatchApiException>(() => sim.Api.OpenResultsAsync(archived.Id));
        Assert.Equal((400, "invalid_request_error"), (a.Status, a.ErrorType));
        Assert.Contains("archived", a.ApiMessage);
        var r = await Assert.ThrowsAsync<BatchApiException>(async () => { await foreach (var _ in sim.Api.ResultLinesAsync(running.Id)) { } });
        Assert.Equal((400, "invalid_request_error"), (r.Status, r.ErrorType));
        Assert.NotNull(r.RequestId);
    }

    [Fact]
    public async Task No_key_works_against_an_open_server_and_sends_no_credential()
    {
        await using var server = await BatchTui.Simulator.SimulatorServer.StartAsync(new() { Port = 0, SeedWorld = false });
        var spy = new WireLog();
        using var api = new AnthropicBatchesApi(new BatchesApiSettings { BaseUrl = server.BaseUrl, InnerHandler = () => spy });
        Assert.Empty((await api.ListAsync(new PageRequest())).Data);
        var sent = Assert.Single(spy.Sent);
        Assert.False(sent.Headers.ContainsKey("authorization"));
        Assert.False(sent.Headers.ContainsKey("x-api-key"));
    }

    [Fact]
    public async Task Wrong_key_maps_to_401_and_the_key_is_not_in_the_message()
    {
        await using var sim = await World.StartAsync(seedWorld: false, retries: 4);
        const string wrong = "sk-ant-wrong-key-abcdef";
        using var api = new AnthropicBatchesApi(new BatchesApiSettings { BaseUrl = sim.Sim.BaseUrl, ApiKey = new ApiKey(wrong) });
        var e = await Assert.ThrowsAsync<BatchApiException>(() => api.ListAsync(new PageRequest()));
        Assert.Equal((401, "authentication_error"), (e.Status, e.ErrorType));
        Assert.DoesNotContain(wrong, e.Message);
        Assert.DoesNotContain(World.Key, e.Message);
    }

    [Fact]
    public async Task Two_429s_with_retry_after_are_retried_and_counted()
    {
        await using var sim = await World.StartAsync(retries: 4);
        var events = new List<RetryEvent>();
        sim.Api.Retrying += events.Add;
        sim.Sim.Chaos.FailNext(2, 429, retryAfterSeconds: 1);

        var page = await sim.Api.ListAsync(new PageRequest(5));
        Assert.Equal(5, page.Data.Count);
        Assert.Equal(2, sim.Api.Retries);
        Assert.Equal([TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1)], sim.RetryDelays);
        Assert.Equal([(1, 429), (2, 429)], events.Select(e => (e.Attempt, e.Status ?? 0)));
        Assert.Equal(["0", "1", "2"], sim.Spy.Sent.Select(r => r.Headers.GetValueOrDefault("x-stainless-retry-count")));
    }

    [Theory]
    [InlineData(529)]
    [InlineData(500)]
    [InlineData(503)]
    public async Task Overloaded_and_server_errors_back_off_exponentially_then_succeed(int status)
    {
        await using var sim = await World.StartAsync(retries: 4);
        sim.Sim.Chaos.FailNext(3, status);
        var page = await sim.Api.ListAsync(new PageRequest(2));
        Assert.Equal(2, page.Data.Count);
        Assert.Equal(3, sim.Api.Retries);
        Assert.Equal(new[] { 0.375, 0.75, 1.5 }, sim.RetryDelays.Select(d => d.TotalSeconds));
    }

    [Fact]
    public async Task Retries_run_out_into_the_last_error()
    {
        await using var sim = await World.StartAsync(retries: 2);
        sim.Sim.Chaos.FailNext(5, 529);
        var e = await Assert.ThrowsAsync<BatchApiException>(() => sim.Api.ListAsync(new PageRequest()));
        Assert.Equal((529, "overloaded_error"), (e.Status, e.ErrorType));
        Assert.NotNull(e.RequestId);
        Assert.Equal(2, sim.Api.Retries);
        Assert.Equal(3, sim.Spy.Sent.Count);
    }

    [Fact]
    public async Task Create_is_retried_after_a_429_since_the_server_did_not_take_it()
    {
        await using var sim = await World.StartAsync(seedWorld: false, retries: 4);
        sim.Sim.Chaos.FailNext(1, 429, retryAfterSeconds: 2);
        var created = await sim.Api.CreateAsync(new BatchCreateRequest([new BatchRequestItem("r-1",
            System.Text.Json.JsonDocument.Parse("""{"model":"claude-haiku-4-5","max_tokens":8,"messages":[{"role":"user","content":"hi"}]}""").RootElement)]));
        Assert.Equal(1, created.Counts.Total);
        Assert.Equal([TimeSpan.FromSeconds(2)], sim.RetryDelays);
        Assert.Single((await sim.AllBatchesAsync()));
    }

    [Fact]
    public async Task Dropped_connections_are_retried_and_when_they_persist_mapped()
    {
        await using var sim = await World.StartAsync(retries: 2);
        sim.Sim.Chaos.DropNext(2);
        var page = await sim.Api.ListAsync(new PageRequest(1));
        Assert.Single(page.Data);
        Assert.Equal(2, sim.Api.Retries);

        sim.Sim.Chaos.DropNext(3);
        var e = await Assert.ThrowsAsync<BatchApiException>(() => sim.Api.GetAsync(page.Data[0].Id));
        Assert.Null(e.Status);
        Assert.Equal("connection_error", e.ErrorType);
        Assert.IsNotType<HttpRequestException>(e);
    }

    [Fact]
    public async Task A_results_download_cut_short_raises_a_batch_api_exception()
    {
        await using var sim = await World.StartAsync(retries: 4);
        var ended = (await sim.AllBatchesAsync(1000)).Where(b => b.ResultsAvailable).OrderByDescending(b => b.Counts.Total).First();
        sim.Sim.Chaos.TruncateNextResults(1);
        int lines = 0;
        var e = await Assert.ThrowsAsync<BatchApiException>(async () =>
        {
            await foreach (var _ in sim.Api.ResultLinesAsync(ended.Id)) lines++;
        });
        Assert.Null(e.Status);
        Assert.Equal("connection_error", e.ErrorType);
        Assert.Contains("broke off after", e.Message);
        Assert.True(lines < ended.Counts.Total);

        // The next download is whole again.
        int again = 0;
        await foreach (var _ in sim.Api.ResultLinesAsync(ended.Id)) again++;
        Assert.Equal(ended.Counts.Total, again);
    }
}
