using System.Text.Json;

namespace BatchTui.Simulator.Tests;

/// <summary>Injected failures, drops, truncated downloads and latency behave as documented.</summary>
public sealed class ChaosTests : IAsyncLifetime
{
    private SimHost _sim = null!;

    public async Task InitializeAsync() => _sim = await SimHost.StartAsync();

    public async Task DisposeAsync() => await _sim.DisposeAsync();

    [Theory]
    [InlineData(429, "rate_limit_error")]
    [InlineData(500, "api_error")]
    [InlineData(503, "overloaded_error")]
    [InlineData(529, "overloaded_error")]
    [InlineData(504, "timeout_error")]
    public async Task FailNext_answers_that_status_with_its_envelope_then_recovers(int status, string type)
    {
        _sim.Server.Chaos.FailNext(2, status, retryAfterSeconds: 3);
        for (int i = 0; i < 2; i++)
        {
            var (response, json) = await _sim.GetAsync("/v1/messages/batches?limit=1");
            ApiAssert.Error(response, json, status, type);
            Assert.Equal("3", Assert.Single(response.Headers.GetValues("retry-after")));
        }
        var (ok, _) = await _sim.GetAsync("/v1/messages/batches?limit=1");
        Assert.Equal(200, (int)ok.StatusCode);
    }

    [Fact]
    public async Task FailNext_without_retry_after_sends_no_header()
    {
        _sim.Server.Chaos.FailNext(1, 529);
        var (response, json) = await _sim.GetAsync("/v1/messages/batches");
        ApiAssert.Error(response, json, 529, "overloaded_error");
        Assert.False(response.Headers.Contains("retry-after"));
    }

    [Fact]
    public async Task DropNext_aborts_the_connection_without_a_response()
    {
        _sim.Server.Chaos.DropNext(1);
        await Assert.ThrowsAnyAsync<HttpRequestException>(() => _sim.Http.GetAsync("/v1/messages/batches"));
        var (ok, _) = await _sim.GetAsync("/v1/messages/batches");
        Assert.Equal(200, (int)ok.StatusCode);
    }

    [Fact]
    public async Task TruncateNextResults_stops_mid_line_then_the_next_download_is_whole()
    {
        var page = await _sim.OkAsync(HttpMethod.Get, "/v1/messages/batches?limit=1000");
        var batch = page.GetProperty("data").EnumerateArray()
            .First(b => b.Str("processing_status") == "ended" && b.Str("archived_at") is null && b.CountsSum() >= 20);
        string id = batch.Str("id")!;
        _sim.Server.Chaos.TruncateNextResults(1);

        using var response = await _sim.Http.GetAsync($"/v1/messages/batches/{id}/results", HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal(200, (int)response.StatusCode);
        var stream = await response.Content.ReadAsStreamAsync();
        var received = new MemoryStream();
        await Assert.ThrowsAnyAsync<IOException>(() => stream.CopyToAsync(received));
        string text = System.Text.Encoding.UTF8.GetString(received.ToArray());
        var lines = text.Split('\n');
        Assert.InRange(lines.Length - 1, 1, batch.CountsSum() - 1); // some whole lines arrived...
        Assert.NotEqual("", lines[^1]);                              // ...and then half of one
        Assert.ThrowsAny<JsonException>(() => JsonDocument.Parse(lines[^1]));

        Assert.Equal(batch.CountsSum(), (await _sim.ResultLinesAsync(id)).Count);
    }

    [Fact]
    public async Task Latency_runs_on_the_servers_clock()
    {
        _sim.Server.Chaos.Latency = TimeSpan.FromSeconds(5);
        var pending = _sim.Http.GetAsync("/v1/messages/batches?limit=1");
        // The response waits on the fake clock: advance it until the request has been seen and released.
        while (!pending.IsCompleted)
        {
            _sim.Advance(TimeSpan.FromSeconds(5));
            await Task.WhenAny(pending, Task.Delay(10));
        }
        Assert.Equal(200, (int)(await pending).StatusCode);
        _sim.Server.Chaos.Latency = TimeSpan.Zero;
    }

    [Fact]
    public async Task RandomFailureRate_of_one_fails_every_request_with_a_retryable_status()
    {
        _sim.Server.Chaos.RandomFailureRate = 1;
        var statuses = new HashSet<int>();
        for (int i = 0; i < 30; i++)
        {
            var (response, json) = await _sim.GetAsync("/v1/messages/batches");
            statuses.Add((int)response.StatusCode);
            Assert.Equal("error", json.GetProperty("type").GetString());
        }
        Assert.Equal([429, 500, 529], statuses.Order());
        _sim.Server.Chaos.RandomFailureRate = 0;
        Assert.Equal(200, (int)(await _sim.GetAsync("/v1/messages/batches")).Response.StatusCode);
    }
}
