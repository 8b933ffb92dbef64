using BatchTui.Core.Api;
using BatchTui.Core.Watch;
using Microsoft.Extensions.Time.Testing;

namespace BatchTui.Tests.Cli;

/// <summary>
/// <c>batchtui watch</c> on a fake clock shared with the simulator: the clock is moved on only while the watch waits,
/// so every outcome happens in virtual time and the exit code is checked for each.
/// </summary>
public sealed class WatchTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 12, 2, 8, 0, 0, TimeSpan.Zero));
    private CliWorld _w = null!;

    public Task InitializeAsync() => Task.CompletedTask;
    public async Task DisposeAsync() { if (_w is not null) await _w.DisposeAsync(); }

    private async Task Start(double errorRate = 0, TimeSpan? duration = null) =>
        _w = await CliWorld.StartAsync(clock: _clock, createdErrorRate: errorRate, createdDuration: duration ?? TimeSpan.FromMinutes(3));

    /// <summary>Runs the CLI while moving the clock on by <paramref name="step"/> whenever a timer is waiting.</summary>
    private async Task<CliRun> Watch(string[] args, TimeSpan step, Action<TimeSpan>? onTick = null)
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        Task<CliRun> run = _w.Run(["watch", .. args, "--max-retries", "0"], time: _clock, ct: cts.Token);
        TimeSpan moved = TimeSpan.Zero;
        while (!run.IsCompleted)
        {
            await Task.WhenAny(run, Task.Delay(5, cts.Token)); // lets the HTTP round trip finish; the fake clock only moves here
            if (run.IsCompleted) break;
            _clock.Advance(step);
            moved += step;
            onTick?.Invoke(moved);
        }
        return await run;
    }

    [Fact]
    public async Task Every_request_succeeded_is_exit_0_with_a_line_per_change_when_piped()
    {
        await Start(errorRate: 0);
        MessageBatch b = await _w.CreateAsync(5);
        CliRun r = await Watch([b.Id], TimeSpan.FromSeconds(5));
        Assert.True(r.Code == 0, r.ToString());
        string[] err = CliWorld.Lines(r.Err);
        Assert.Contains(err, l => System.Text.RegularExpressions.Regex.IsMatch(l, $@"^{b.Id}  in_progress  5 of 5 processing  elapsed \d+s  expires in (1d 00h|23h \d\dm)$"));
        Assert.Contains(err, l => l.StartsWith($"{b.Id}  ended, all succeeded: 5 succeeded, 0 errored"));
        Assert.DoesNotContain('\u001b', r.Err); // piped: no cursor movement
        Assert.Equal(b.Id, System.Text.Json.JsonDocument.Parse(r.Out).RootElement.GetProperty("id").GetString());
    }

    [Fact]
    public async Task Errored_requests_are_exit_7()
    {
        await Start(errorRate: 1);
        MessageBatch b = await _w.CreateAsync(3);
        CliRun r = await Watch([b.Id], TimeSpan.FromSeconds(5));
        Assert.True(r.Code == 7, r.ToString());
        Assert.Contains("ended with failures: 0 succeeded, 3 errored", r.Err);
    }

    [Fact]
    public async Task Expired_requests_are_exit_7()
    {
        await Start(duration: TimeSpan.FromHours(100));
        MessageBatch b = await _w.CreateAsync(20);
        CliRun r = await Watch([b.Id, "--interval", "10m"], TimeSpan.FromMinutes(10));
        Assert.True(r.Code == 7, r.ToString());
        Assert.Matches(@"ended with failures: \d+ succeeded, 0 errored, 0 canceled, [1-9]\d* expired", r.Err);
    }

    [Fact]
    public async Task A_canceled_batch_is_exit_8()
    {
        await Start();
        MessageBatch b = await _w.CreateAsync(3);
        bool canceled = false;
        CliRun r = await Watch([b.Id], TimeSpan.FromSeconds(5), moved =>
        {
            if (!canceled && moved >= TimeSpan.FromSeconds(20)) { canceled = true; _w.Api.CancelAsync(b.Id).GetAwaiter().GetResult(); }
        });
        Assert.True(r.Code == 8, r.ToString());
        Assert.Contains("ended, canceled", r.Err);
    }

    [Fact]
    public async Task The_timeout_coming_first_is_exit_9_and_the_worst_outcome_wins_across_batches()
    {
        await Start(duration: TimeSpan.FromHours(2));
        MessageBatch slow = await _w.CreateAsync(3);
        CliRun r = await Watch([slow.Id, "--timeout", "10m", "--interval", "1m"], TimeSpan.FromMinutes(1));
        Assert.True(r.Code == 9, r.ToString());
        Assert.Contains($"{slow.Id}  timed out after 10m 00s: still in_progress", r.Err);

        CliRun both = await Watch([slow.Id, "msgbatch_nope", "--timeout", "1m"], TimeSpan.FromSeconds(30));
        Assert.True(both.Code == 5, both.ToString());
        Assert.Contains("msgbatch_nope  404 not_found_error", both.Err);
    }

    [Fact]
    public async Task Rate_limits_and_outages_are_waited_out_with_growing_pauses()
    {
        await Start();
        MessageBatch b = await _w.CreateAsync(2);
        _w.Sim.Chaos.FailNext(3, 429, retryAfterSeconds: 20);
        CliRun r = await Watch([b.Id], TimeSpan.FromSeconds(5));
        Assert.True(r.Code == 0, r.ToString());
        Assert.Contains("the API answered 429 rate_limit_error", r.Err);
        Assert.Contains("next try in 20s", r.Err);
    }

    [Fact]
    public void Backoff_doubles_up_to_the_cap_and_never_undercuts_retry_after()
    {
        var w = new BatchWatcher(new Support.UnreachableApi(), TimeProvider.System) { Interval = TimeSpan.FromSeconds(5), MaxBackoff = TimeSpan.FromSeconds(60) };
        Assert.Equal(TimeSpan.FromSeconds(10), w.Backoff(1, null));
        Assert.Equal(TimeSpan.FromSeconds(40), w.Backoff(3, null));
        Assert.Equal(TimeSpan.FromSeconds(60), w.Backoff(9, null));
        Assert.Equal(TimeSpan.FromSeconds(90), w.Backoff(1, TimeSpan.FromSeconds(90)));
        Assert.True(BatchWatcher.IsTransient(new BatchApiException(529, "overloaded_error", "x", null)));
        Assert.False(BatchWatcher.IsTransient(new BatchApiException(401, "authentication_error", "x", null)));
    }

    [Fact]
    public void Notify_is_bell_osc9_osc777_and_wrapped_for_tmux_with_nothing_that_ends_it_early()
    {
        string plain = BatchTui.Core.Text.TerminalNotify.Sequence("batchtui", "msgbatch_1 ended\u001b]52;c;x\u0007", tmux: false);
        Assert.StartsWith("\a\u001b]9;batchtui: msgbatch_1 ended", plain);
        Assert.Contains("\u001b]777;notify;batchtui;msgbatch_1 ended", plain);
        Assert.Equal(4, plain.Count(c => c == '\u001b')); // two OSC openers, two ST: the payload's ESC and BEL are gone
        string tmux = BatchTui.Core.Text.TerminalNotify.Sequence("batchtui", "done", tmux: true);
        Assert.Equal("\a\u001bPtmux;\u001b\u001b]9;batchtui: done\u001b\u001b\\\u001b\\\u001bPtmux;\u001b\u001b]777;notify;batchtui;done\u001b\u001b\\\u001b\\", tmux);
    }
}
