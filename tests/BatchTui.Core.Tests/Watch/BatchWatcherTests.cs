using BatchTui.Core.Api;
using BatchTui.Core.Watch;
using BatchTui.Simulator;
using Microsoft.Extensions.Time.Testing;
using System.Text.Json;

namespace BatchTui.Core.Tests.Watch;

/// <summary>
/// The watcher against the simulator over loopback, both on one fake clock: the clock moves only when the watcher
/// says it is about to wait (its <see cref="BatchWatcher.Waiting"/> event), so every run is deterministic.
/// </summary>
public sealed class BatchWatcherTests : IAsyncDisposable
{
    private const string Key = "sk-ant-watcher-test";
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 12, 2, 8, 0, 0, TimeSpan.Zero));
    private SimulatorServer? _sim;
    private AnthropicBatchesApi? _api;

    private async Task<AnthropicBatchesApi> Start(double errorRate, TimeSpan duration)
    {
        _sim = await SimulatorServer.StartAsync(new SimulatorOptions
        {
            Port = 0,
            ApiKey = Key,
            SeedWorld = false,
            Time = _clock,
            CreatedErrorRate = errorRate,
            CreatedBatchDuration = duration,
        });
        _api = new AnthropicBatchesApi(new BatchesApiSettings { BaseUrl = _sim.BaseUrl, ApiKey = new ApiKey(Key), MaxRetries = 0 });
        return _api;
    }

    private static Task<MessageBatch> Create(IBatchesApi api, int n) =>
        api.CreateAsync(new BatchCreateRequest(Enumerable.Range(1, n).Select(i => new BatchRequestItem($"r-{i}",
            JsonDocument.Parse("""{"model":"claude-sonnet-4-6","max_tokens":16,"messages":[{"role":"user","content":"hi"}]}""").RootElement)).ToList()));

    /// <summary>Runs the watcher; each pause is taken by moving the fake clock exactly that far.</summary>
    private async Task<(IReadOnlyList<WatchedBatch> End, List<TimeSpan> Pauses, List<WatchedBatch> Changes)> Watch(
        BatchWatcher watcher, string[] ids, Action<int>? beforePause = null)
    {
        var pauses = new List<TimeSpan>();
        var changes = new List<WatchedBatch>();
        watcher.Changed += changes.Add;
        watcher.Waiting += (pause, _) =>
        {
            pauses.Add(pause);
            beforePause?.Invoke(pauses.Count);
        };
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var end = await watcher.RunAsync(ids, cts.Token);
        return (end, pauses, changes);
    }

    private BatchWatcher Watcher(IBatchesApi api, TimeSpan interval, TimeSpan? timeout = null) => new(api, _clock)
    {
        Interval = interval,
        Timeout = timeout,
        MaxBackoff = TimeSpan.FromSeconds(60),
        Delay = (d, _) => { _clock.Advance(d); return Task.CompletedTask; },
    };

    [Fact]
    public async Task Outcomes_follow_the_batch_succeeded_failed_canceled_timed_out_not_found()
    {
        var api = await Start(errorRate: 0, duration: TimeSpan.FromMinutes(2));
        MessageBatch ok = await Create(api, 3);
        var (end, pauses, changes) = await Watch(Watcher(api, TimeSpan.FromSeconds(30)), [ok.Id]);
        Assert.Equal(WatchOutcome.Succeeded, end.Single().Outcome);
        Assert.All(pauses, p => Assert.Equal(TimeSpan.FromSeconds(30), p));
        Assert.Equal(4, pauses.Count); // 0, 30, 60, 90, 120 s: ended at the fifth poll
        Assert.Equal(TimeSpan.FromMinutes(2), end.Single().Elapsed);
        Assert.Equal(2, changes.Count); // first sight, then the end (nothing changed in between)

        MessageBatch slow = await Create(api, 3);
        var timed = await Watch(Watcher(api, TimeSpan.FromSeconds(45), TimeSpan.FromSeconds(100)), [slow.Id, "msgbatch_none"]);
        Assert.Equal([WatchOutcome.TimedOut, WatchOutcome.NotFound], timed.End.Select(w => w.Outcome!.Value));
        Assert.Equal([TimeSpan.FromSeconds(45), TimeSpan.FromSeconds(45), TimeSpan.FromSeconds(10)], timed.Pauses); // the last pause ends at the limit
        Assert.Contains("404 not_found_error", timed.End[1].Problem);

        MessageBatch cancel = await Create(api, 3);
        var canceled = await Watch(Watcher(api, TimeSpan.FromSeconds(10)), [cancel.Id],
            beforePause: n => { if (n == 2) api.CancelAsync(cancel.Id).GetAwaiter().GetResult(); });
        Assert.Equal(WatchOutcome.Canceled, canceled.End.Single().Outcome);
    }

    [Fact]
    public async Task Errors_make_some_failed_and_429s_back_off_to_at_least_retry_after()
    {
        var api = await Start(errorRate: 1, duration: TimeSpan.FromMinutes(1));
        MessageBatch b = await Create(api, 2);
        _sim!.Chaos.FailNext(3, 429, retryAfterSeconds: 25);
        var (end, pauses, _) = await Watch(Watcher(api, TimeSpan.FromSeconds(5)), [b.Id]);
        Assert.Equal(WatchOutcome.SomeFailed, end.Single().Outcome);
        Assert.Equal([TimeSpan.FromSeconds(25), TimeSpan.FromSeconds(25), TimeSpan.FromSeconds(40)], pauses.Take(3));
    }

    public async ValueTask DisposeAsync()
    {
        _api?.Dispose();
        if (_sim is not null) await _sim.DisposeAsync();
    }
}
