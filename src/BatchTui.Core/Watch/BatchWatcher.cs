using BatchTui.Core.Api;

namespace BatchTui.Core.Watch;

/// <summary>
/// Follows batches until each has ended: polls every <see cref="Interval"/>, reports a batch whenever its status or
/// counts change, backs off (doubling, up to <see cref="MaxBackoff"/>, never sooner than the server's retry-after)
/// while the API answers 429 / 5xx or not at all, and gives up on the ones still running at <see cref="Timeout"/>.
/// Every wait is on the <see cref="TimeProvider"/>, so a test drives it with a fake clock.
/// </summary>
public sealed class BatchWatcher(IBatchesApi api, TimeProvider time)
{
    public TimeSpan Interval { get; init; } = TimeSpan.FromSeconds(5);
    public TimeSpan MaxBackoff { get; init; } = TimeSpan.FromSeconds(60);
    /// <summary>null: wait as long as it takes.</summary>
    public TimeSpan? Timeout { get; init; }

    /// <summary>How a pause is taken; null: <c>Task.Delay</c> on the clock. (A test can move a fake clock here.)</summary>
    public Func<TimeSpan, CancellationToken, Task>? Delay { get; init; }

    /// <summary>A batch was seen for the first time, changed, or its watch is over.</summary>
    public event Action<WatchedBatch>? Changed;

    /// <summary>Before every pause: how long, and why when it is a back-off (the API's error line).</summary>
    public event Action<TimeSpan, string?>? Waiting;

    public async Task<IReadOnlyList<WatchedBatch>> RunAsync(IReadOnlyList<string> ids, CancellationToken ct = default)
    {
        long started = time.GetTimestamp();
        var state = ids.Distinct(StringComparer.Ordinal).ToDictionary(id => id, id => new WatchedBatch(id, null, null, null, TimeSpan.Zero), StringComparer.Ordinal);
        int failures = 0;
        while (true)
        {
            BatchApiException? transient = null;
            foreach (string id in state.Keys.ToList())
            {
                WatchedBatch before = state[id];
                if (before.IsOver) continue;
                WatchedBatch after;
                try
                {
                    MessageBatch batch = await api.GetAsync(id, ct).ConfigureAwait(false);
                    TimeSpan elapsed = time.GetElapsedTime(started);
                    after = batch.IsEnded
                        ? new WatchedBatch(id, batch, WatchOutcomes.Of(batch), null, elapsed)
                        : before with { Batch = batch, Elapsed = elapsed };
                }
                catch (BatchApiException e) when (IsTransient(e))
                {
                    transient = e;
                    continue;
                }
                catch (BatchApiException e)
                {
                    after = before with
                    {
                        Outcome = e.Status == 404 ? WatchOutcome.NotFound : WatchOutcome.Failed,
                        Problem = e.Message,
                        Elapsed = time.GetElapsedTime(started),
                    };
                }
                state[id] = after;
                if (after.IsOver || Differs(before.Batch, after.Batch)) Changed?.Invoke(after);
            }

            if (state.Values.All(w => w.IsOver)) break;
            TimeSpan spent = time.GetElapsedTime(started);
            if (Timeout is { } limit && spent >= limit)
            {
                foreach (string id in state.Keys.ToList())
                {
                    if (state[id].IsOver) continue;
                    state[id] = state[id] with { Outcome = WatchOutcome.TimedOut, Elapsed = spent };
                    Changed?.Invoke(state[id]);
                }
                break;
            }

            TimeSpan pause = Interval;
            string? why = null;
            if (transient is not null)
            {
                failures++;
                pause = Backoff(failures, transient.RetryAfter);
                why = transient.Message;
            }
            else failures = 0;
            if (Timeout is { } t && t - spent < pause) pause = t - spent;
            Waiting?.Invoke(pause, why);
            await (Delay?.Invoke(pause, ct) ?? Task.Delay(pause, time, ct)).ConfigureAwait(false);
        }
        return ids.Distinct(StringComparer.Ordinal).Select(id => state[id]).ToList();
    }

    /// <summary>No answer, 408, 409, 429, 5xx: waiting may fix it.</summary>
    public static bool IsTransient(BatchApiException e) => e.Status is null or 408 or 409 or 429 or >= 500;

    /// <summary>Interval × 2^failures, capped, and at least what the server asked for.</summary>
    public TimeSpan Backoff(int failures, TimeSpan? retryAfter)
    {
        double seconds = Math.Min(Interval.TotalSeconds * Math.Pow(2, Math.Min(failures, 20)), MaxBackoff.TotalSeconds);
        TimeSpan pause = TimeSpan.FromSeconds(seconds);
        return retryAfter is { } ra && ra > pause ? ra : pause;
    }

    private static bool Differs(MessageBatch? a, MessageBatch? b) =>
        a is null || b is null || a.Status != b.Status || a.Counts != b.Counts || a.ArchivedAt != b.ArchivedAt;
}
