using BatchTui.Core.Api;
using Microsoft.AspNetCore.Http;

namespace BatchTui.Core.Tests.Api;

/// <summary>Behaviour at the edges, against a server scripted to misbehave in exactly one way per test.</summary>
public sealed class ScriptedServerTests
{
    private const string Key = "sk-ant-scripted-secret-key";

    private static AnthropicBatchesApi Client(ScriptedServer server, List<TimeSpan>? delays = null, int maxRetries = 4,
        TimeProvider? time = null, IReadOnlyList<string>? betas = null) =>
        new(new BatchesApiSettings
        {
            BaseUrl = server.BaseUrl,
            ApiKey = new ApiKey(Key),
            MaxRetries = maxRetries,
            Betas = betas ?? [],
            Time = time ?? TimeProvider.System,
            Delay = (d, _) => { delays?.Add(d); return Task.CompletedTask; },
            Jitter = () => 0.5,
        });

    [Fact]
    public async Task List_maps_page_fields_and_keeps_each_batch_raw_json()
    {
        await using var server = await ScriptedServer.StartAsync((ctx, _) => ScriptedServer.Json(ctx, 200, SampleJson.Page("msgbatch_a", "msgbatch_b")));
        using var api = Client(server);
        var page = await api.ListAsync(new PageRequest(Limit: 2, AfterId: "msgbatch_z"));

        Assert.Equal(["msgbatch_a", "msgbatch_b"], page.Data.Select(b => b.Id));
        Assert.Equal(("msgbatch_a", "msgbatch_b", true), (page.FirstId, page.LastId, page.HasMore));
        Assert.Equal(BatchStatus.InProgress, page.Data[0].Status);
        Assert.Equal(2, page.Data[0].Counts.Total);
        Assert.StartsWith("{\"id\":\"msgbatch_a\"", page.Data[0].RawJson);
        Assert.Contains("\"processing_status\":\"in_progress\"", page.Data[0].RawJson);

        var req = Assert.Single(server.Requests);
        Assert.Equal("GET", req.Method);
        Assert.Contains("limit=2", req.PathAndQuery);
        Assert.Contains("after_id=msgbatch_z", req.PathAndQuery);
        Assert.StartsWith("/v1/messages/batches", req.PathAndQuery);
        Assert.True(req.Headers.ContainsKey("anthropic-version"));
        Assert.True(req.Headers.TryGetValue("authorization", out var auth) && auth == $"Bearer {Key}"
                    || req.Headers.TryGetValue("x-api-key", out var x) && x == Key);
        Assert.False(req.Headers.ContainsKey("anthropic-beta"));
    }

    [Fact]
    public async Task Unknown_status_survives_as_unknown()
    {
        await using var server = await ScriptedServer.StartAsync((ctx, _) => ScriptedServer.Json(ctx, 200, SampleJson.Batch("msgbatch_q", "paused")));
        using var api = Client(server);
        var batch = await api.GetAsync("msgbatch_q");
        Assert.Equal(BatchStatus.Unknown, batch.Status);
        Assert.Contains("\"paused\"", batch.RawJson);
    }

    [Theory]
    [InlineData("{\"id\":\"msgbatch_t\",\"processing_status\":\"ended\"", "truncated JSON")]
    [InlineData("{\"id\":\"msgbatch_t\",\"processing_status\":\"ended\"}", "missing created_at and counts")]
    [InlineData("[1,2,3]", "not an object")]
    [InlineData("", "empty body")]
    public async Task A_success_body_the_client_cannot_read_is_an_invalid_response_error(string body, string why)
    {
        await using var server = await ScriptedServer.StartAsync((ctx, _) => ScriptedServer.Json(ctx, 200, body, requestId: "req_bad"));
        using var api = Client(server);
        var e = await Assert.ThrowsAsync<BatchApiException>(() => api.GetAsync("msgbatch_t"));
        Assert.True(e.Status == 200, why);
        Assert.Equal("invalid_response", e.ErrorType);
        Assert.Equal("req_bad", e.RequestId);
        Assert.StartsWith("the API answered with data the client cannot read", e.ApiMessage);
    }

    [Fact]
    public async Task Html_error_page_from_a_proxy_maps_to_status_and_type()
    {
        await using var server = await ScriptedServer.StartAsync(async (ctx, _) =>
        {
            ctx.Response.StatusCode = 502;
            ctx.Response.ContentType = "text/html";
            await ctx.Response.WriteAsync("<html><body><h1>502 Bad Gateway</h1></body></html>");
        });
        using var api = Client(server, maxRetries: 0);
        var e = await Assert.ThrowsAsync<BatchApiException>(() => api.GetAsync("msgbatch_x"));
        Assert.Equal(502, e.Status);
        Assert.Equal("api_error", e.ErrorType);
        Assert.Contains("502 Bad Gateway", e.ApiMessage);
    }

    [Fact]
    public async Task A_key_echoed_in_an_error_message_is_scrubbed()
    {
        await using var server = await ScriptedServer.StartAsync((ctx, _) =>
            ScriptedServer.Json(ctx, 401, SampleJson.Error("authentication_error", $"invalid x-api-key {Key}")));
        using var api = Client(server);
        var e = await Assert.ThrowsAsync<BatchApiException>(() => api.ListAsync(new PageRequest()));
        Assert.Equal(401, e.Status);
        Assert.Equal("authentication_error", e.ErrorType);
        Assert.DoesNotContain(Key, e.Message);
        Assert.DoesNotContain(Key, e.ApiMessage);
        Assert.DoesNotContain(Key, e.ToString());
        Assert.Contains("[redacted]", e.ApiMessage);
    }

    [Fact]
    public async Task Retry_after_as_an_http_date_is_honoured_against_the_injected_clock()
    {
        var now = new DateTimeOffset(2026, 12, 2, 8, 0, 0, TimeSpan.Zero);
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(now);
        await using var server = await ScriptedServer.StartAsync(async (ctx, n) =>
        {
            if (n == 1)
            {
                ctx.Response.Headers["retry-after"] = now.AddSeconds(3).ToString("R");
                await ScriptedServer.Json(ctx, 529, SampleJson.Error("overloaded_error", "Overloaded"));
            }
            else await ScriptedServer.Json(ctx, 200, SampleJson.Batch("msgbatch_d"));
        });
        var delays = new List<TimeSpan>();
        using var api = Client(server, delays, time: time);
        var batch = await api.GetAsync("msgbatch_d");
        Assert.Equal("msgbatch_d", batch.Id);
        Assert.Equal([TimeSpan.FromSeconds(3)], delays);
        Assert.Equal(1, api.Retries);
    }

    [Fact]
    public async Task Server_saying_x_should_retry_false_is_not_retried_and_a_long_retry_after_is_surfaced()
    {
        await using var server = await ScriptedServer.StartAsync(async (ctx, n) =>
        {
            if (ctx.Request.Path.Value!.EndsWith("/no")) ctx.Response.Headers["x-should-retry"] = "false";
            else ctx.Response.Headers["retry-after"] = "3600";
            await ScriptedServer.Json(ctx, 429, SampleJson.Error("rate_limit_error", "slow down"), requestId: $"req_{n}");
        });
        var delays = new List<TimeSpan>();
        using var api = Client(server, delays);
        var no = await Assert.ThrowsAsync<BatchApiException>(() => api.GetAsync("no"));
        var wait = await Assert.ThrowsAsync<BatchApiException>(() => api.GetAsync("wait"));
        Assert.Equal((429, "rate_limit_error", "slow down", "req_1"), (no.Status, no.ErrorType, no.ApiMessage, no.RequestId));
        Assert.Equal((429, "req_2"), (wait.Status, wait.RequestId));
        Assert.Empty(delays);
        Assert.Equal(2, server.Requests.Count);
    }

    [Fact]
    public async Task Exponential_backoff_with_jitter_when_no_retry_after()
    {
        await using var server = await ScriptedServer.StartAsync((ctx, _) =>
            ScriptedServer.Json(ctx, 503, SampleJson.Error("api_error", "unavailable")));
        var delays = new List<TimeSpan>();
        using var api = Client(server, delays, maxRetries: 5);
        var e = await Assert.ThrowsAsync<BatchApiException>(() => api.GetAsync("msgbatch_e"));
        Assert.Equal(503, e.Status);
        Assert.Equal(6, server.Requests.Count);
        // jitter pinned at 0.5 → factor 0.75 of 0.5, 1, 2, 4, 8 s
        Assert.Equal(new[] { 0.375, 0.75, 1.5, 3, 6 }, delays.Select(d => d.TotalSeconds));
        Assert.Equal(5, api.Retries);
    }

    [Fact]
    public async Task Headers_that_never_come_time_out_on_the_injected_clock()
    {
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider();
        TaskCompletionSource[] arrived = [new(), new()];
        await using var server = await ScriptedServer.StartAsync(async (ctx, n) =>
        {
            arrived[Math.Min(n, 2) - 1].TrySetResult();
            await Task.Delay(Timeout.Infinite, ctx.RequestAborted).ContinueWith(_ => { });
        });
        using var api = new AnthropicBatchesApi(new BatchesApiSettings
        {
            BaseUrl = server.BaseUrl,
            ApiKey = new ApiKey(Key),
            MaxRetries = 0,
            Timeout = TimeSpan.FromSeconds(30),
            Time = time,
        });
        var call = api.CreateAsync(new BatchCreateRequest([]));
        await arrived[0].Task.WaitAsync(TimeSpan.FromSeconds(10));
        time.Advance(TimeSpan.FromSeconds(31));
        // The create may have reached the server, so the client looks for the batch: that list hangs too.
        await arrived[1].Task.WaitAsync(TimeSpan.FromSeconds(10));
        time.Advance(TimeSpan.FromSeconds(31));
        var e = await Assert.ThrowsAsync<CreateUncertainException>(() => call);
        Assert.Null(e.Status);
        Assert.Equal("timeout", e.ErrorType);
        Assert.Contains("no response within 30 s", e.Failure.Message);
        Assert.Contains("no response within 30 s from GET", e.Check.LookupProblem);
        Assert.Equal(["POST", "GET"], server.Requests.Select(r => r.Method));
    }

    [Fact]
    public async Task Results_cut_off_mid_line_raise_a_batch_api_exception_after_the_complete_lines()
    {
        var clientHasLines = new TaskCompletionSource();
        await using var server = await ScriptedServer.StartAsync(async (ctx, _) =>
        {
            ctx.Response.StatusCode = 200;
            ctx.Response.ContentType = "application/x-jsonl";
            ctx.Response.ContentLength = 10_000; // promises more than it sends
            await ctx.Response.WriteAsync("{\"custom_id\":\"a\"}\r\n\n{\"custom_id\":\"b\"}\n{\"custom_id\":\"c");
            await ctx.Response.Body.FlushAsync();
            // Abort only once the client has the complete lines, so a reset cannot discard them in flight.
            await clientHasLines.Task.WaitAsync(TimeSpan.FromSeconds(10));
            ctx.Abort();
        });
        using var api = Client(server);
        var lines = new List<string>();
        var e = await Assert.ThrowsAsync<BatchApiException>(async () =>
        {
            await foreach (var line in api.ResultLinesAsync("msgbatch_r"))
            {
                lines.Add(System.Text.Encoding.UTF8.GetString(line.Span));
                if (lines.Count == 2) clientHasLines.TrySetResult();
            }
        });
        Assert.Equal(["{\"custom_id\":\"a\"}", "{\"custom_id\":\"b\"}"], lines);
        Assert.Null(e.Status);
        Assert.Equal("connection_error", e.ErrorType);
        Assert.Contains("broke off after", e.Message);
    }

    [Fact]
    public async Task Beta_namespace_sends_every_configured_beta()
    {
        await using var server = await ScriptedServer.StartAsync((ctx, _) => ScriptedServer.Json(ctx, 200, SampleJson.Batch("msgbatch_b")));
        using var api = Client(server, betas: ["message-batches-2024-09-24", "files-api-2025-04-14"]);
        await api.GetAsync("msgbatch_b");
        var req = Assert.Single(server.Requests);
        string beta = req.Headers["anthropic-beta"];
        Assert.Contains("message-batches-2024-09-24", beta);
        Assert.Contains("files-api-2025-04-14", beta);
    }
}
