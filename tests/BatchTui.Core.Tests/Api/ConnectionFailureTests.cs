using BatchTui.Core.Api;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Time.Testing;
using System.Net;
using System.Net.Sockets;

namespace BatchTui.Core.Tests.Api;

/// <summary>No answer at all: refused, reset, hung. Always a BatchApiException with no status, or the caller's cancellation.</summary>
public sealed class ConnectionFailureTests
{
    private static AnthropicBatchesApi Client(Uri baseUrl, List<TimeSpan> delays, int maxRetries = 2) => new(new BatchesApiSettings
    {
        BaseUrl = baseUrl,
        ApiKey = new ApiKey("sk-ant-test"),
        MaxRetries = maxRetries,
        Delay = (d, _) => { delays.Add(d); return Task.CompletedTask; },
        Jitter = () => 0,
    });

    private static Uri ClosedPort()
    {
        var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        int port = ((IPEndPoint)l.LocalEndpoint).Port;
        l.Stop();
        return new Uri($"http://127.0.0.1:{port}");
    }

    [Fact]
    public async Task Refused_connection_is_retried_then_mapped_for_every_kind_of_call()
    {
        var delays = new List<TimeSpan>();
        using var api = Client(ClosedPort(), delays);

        var list = await Assert.ThrowsAsync<BatchApiException>(() => api.ListAsync(new PageRequest()));
        Assert.Null(list.Status);
        Assert.Equal("connection_error", list.ErrorType);
        Assert.Contains("could not connect", list.ApiMessage);
        Assert.StartsWith("no response connection_error:", list.Message);
        Assert.Equal(2, delays.Count); // MaxRetries = 2

        // A POST that never reached the server may be re-sent too.
        var create = await Assert.ThrowsAsync<BatchApiException>(() => api.CreateAsync(new BatchCreateRequest([])));
        Assert.Equal("connection_error", create.ErrorType);
        Assert.Equal(4, delays.Count);

        await Assert.ThrowsAsync<BatchApiException>(() => api.OpenResultsAsync("msgbatch_x"));
        await Assert.ThrowsAsync<BatchApiException>(async () => { await foreach (var _ in api.ResultLinesAsync("msgbatch_x")) { } });
        await Assert.ThrowsAsync<BatchApiException>(() => api.DeleteAsync("msgbatch_x"));
        await Assert.ThrowsAsync<BatchApiException>(() => api.CancelAsync("msgbatch_x"));
        await Assert.ThrowsAsync<BatchApiException>(() => api.GetAsync("msgbatch_x"));
    }

    [Fact]
    public async Task Connection_reset_after_the_request_retries_a_get_but_never_resends_a_create()
    {
        await using var server = await ScriptedServer.StartAsync((ctx, _) =>
        {
            ctx.Abort();
            return Task.CompletedTask;
        });
        var delays = new List<TimeSpan>();
        using var api = Client(server.BaseUrl, delays);

        var get = await Assert.ThrowsAsync<BatchApiException>(() => api.GetAsync("msgbatch_g"));
        Assert.Null(get.Status);
        Assert.Equal("connection_error", get.ErrorType);
        Assert.Equal(3, server.Requests.Count);

        var create = await Assert.ThrowsAsync<CreateUncertainException>(() => api.CreateAsync(new BatchCreateRequest([])));
        Assert.Equal("connection_error", create.ErrorType);
        // exactly one POST: the batch might have been created; then the lookup (GETs, retried) fails too
        Assert.Single(server.Requests, r => r.Method == "POST");
        Assert.NotNull(create.Check.LookupProblem);
        Assert.Contains("looking for it failed", create.Message);
    }

    [Fact]
    public async Task Cancelling_a_hung_call_raises_operation_canceled_not_a_timeout()
    {
        var arrived = new TaskCompletionSource();
        await using var server = await ScriptedServer.StartAsync(async (ctx, _) =>
        {
            arrived.TrySetResult();
            await Task.Delay(Timeout.Infinite, ctx.RequestAborted).ContinueWith(_ => { });
        });
        using var api = Client(server.BaseUrl, []);
        using var cts = new CancellationTokenSource();
        var call = api.ListAsync(new PageRequest(), cts.Token);
        await arrived.Task.WaitAsync(TimeSpan.FromSeconds(10));
        cts.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);
    }

    [Fact]
    public async Task Cancelling_during_a_retry_wait_stops_retrying()
    {
        var time = new FakeTimeProvider();
        await using var server = await ScriptedServer.StartAsync((ctx, _) =>
            ScriptedServer.Json(ctx, 429, SampleJson.Error("rate_limit_error", "later")));
        var retrying = new TaskCompletionSource<RetryEvent>();
        using var api = new AnthropicBatchesApi(new BatchesApiSettings
        {
            BaseUrl = server.BaseUrl,
            ApiKey = new ApiKey("k"),
            Time = time,
            MaxRetries = 3,
        });
        api.Retrying += e => retrying.TrySetResult(e);
        using var cts = new CancellationTokenSource();
        var call = api.GetAsync("msgbatch_w", cts.Token);
        var ev = await retrying.Task.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal((1, 429, "GET"), (ev.Attempt, ev.Status, ev.Method));
        Assert.EndsWith("/v1/messages/batches/msgbatch_w", ev.Path);
        cts.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task Cancelling_while_reading_results_raises_operation_canceled()
    {
        var release = new TaskCompletionSource();
        await using var server = await ScriptedServer.StartAsync(async (ctx, _) =>
        {
            ctx.Response.ContentType = "application/x-jsonl";
            await ctx.Response.WriteAsync("{\"custom_id\":\"a\"}\n");
            await ctx.Response.Body.FlushAsync();
            await release.Task.WaitAsync(ctx.RequestAborted).ContinueWith(_ => { });
        });
        using var api = Client(server.BaseUrl, []);
        using var cts = new CancellationTokenSource();
        int seen = 0;
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var _ in api.ResultLinesAsync("msgbatch_c", cts.Token))
                if (++seen == 1) cts.Cancel();
        });
        Assert.Equal(1, seen);
        release.TrySetResult();
    }
}
