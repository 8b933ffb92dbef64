// A soak of the TUI's models (BatchListModel on an AutoRefresher, the create / cancel / delete calls the panes make)
// against the in-process simulator with chaos (random 429/500/529 on every call, and creates accepted and then
// answered 500 or dropped), for one virtual hour on a FakeTimeProvider: minutes of wall time at most.
// Checks: no unhandled exception; every batch created is accounted for (the create returned it, or it was reported
// unconfirmed with that batch as the likely match); no duplicate batch; managed memory flat after warm-up.
// Usage: dotnet run -c Release --project bench/soak/Soak -- [--hours 1] [--chaos 0.3] [--accept-fail 0.1] [--seed 7]
using System.Diagnostics;
using System.Globalization;
using BatchTui.Core.Api;
using BatchTui.Core.State;
using BatchTui.Simulator;
using BatchTui.Tui.Batches;
using Microsoft.Extensions.Time.Testing;
using Soak;

var opts = SoakOptions.Parse(args);
var ledger = new Ledger();
AppDomain.CurrentDomain.UnhandledException += (_, e) => { Interlocked.Increment(ref ledger.UnhandledExceptions); ledger.Fail($"unhandled: {e.ExceptionObject}"); };
TaskScheduler.UnobservedTaskException += (_, e) => { Interlocked.Increment(ref ledger.UnhandledExceptions); ledger.Fail($"unobserved task exception: {e.Exception.GetBaseException()}"); };

var start = new DateTimeOffset(2026, 12, 2, 9, 0, 0, TimeSpan.Zero);
var time = new FakeTimeProvider(start);
const string Key = "sk-soak-not-a-key";
await using SimulatorServer sim = await SimulatorServer.StartAsync(new SimulatorOptions
{
    Port = 0,
    ApiKey = Key,
    Seed = opts.Seed,
    Time = time,
    SeedWorld = true,
    IncludeLargeBatch = false,
    CreatedBatchDuration = TimeSpan.FromMinutes(3),
    CancelDelay = TimeSpan.FromSeconds(30),
});
var jitter = new Random(opts.Seed);
var backoff = TimeSpan.Zero;
// The client the panes use: retries on, its back-off recorded rather than waited (virtual time moves in the loop).
using var api = new AnthropicBatchesApi(new BatchesApiSettings
{
    BaseUrl = sim.BaseUrl,
    ApiKey = new ApiKey(Key),
    MaxRetries = 4,
    Time = time,
    Delay = (d, _) => { lock (jitter) backoff += d; return Task.CompletedTask; },
    Jitter = () => { lock (jitter) return jitter.NextDouble(); },
});
// The referee: asks the server what really exists, with chaos switched off for the question.
using var truthApi = new AnthropicBatchesApi(new BatchesApiSettings { BaseUrl = sim.BaseUrl, ApiKey = new ApiKey(Key), MaxRetries = 0, Time = time });
var truth = new Truth(sim, truthApi, opts.Chaos);

string stateDir = Path.Combine(Path.GetTempPath(), "batchtui-soak-" + Guid.NewGuid().ToString("N")[..8]);
var journal = new SubmissionJournal(StateDirectory.Journal(stateDir), time);
HashSet<string> seeded = await truth.AllIdsAsync();

sim.Chaos.RandomFailureRate = opts.Chaos;
sim.Chaos.AcceptedThenFailRate = opts.AcceptFail;

var model = new BatchListModel(api, 20);
using var refresher = new AutoRefresher(time, RefreshPolicy.Every(TimeSpan.FromSeconds(10)), async ct =>
{
    Interlocked.Increment(ref ledger.RefreshRuns);
    await model.RefreshAsync(ct);
});
refresher.Changed += () => { if (refresher.Status.Phase == RefreshPhase.BackingOff && refresher.Status.Failures == 1) Interlocked.Increment(ref ledger.RefreshFailures); };
var churn = new Churn(api, model, journal, truth, ledger, new Random(opts.Seed * 31 + 1));

var wall = Stopwatch.StartNew();
refresher.Start();
DateTimeOffset end = start + TimeSpan.FromHours(opts.Hours);
TimeSpan step = TimeSpan.FromSeconds(5), warmUp = TimeSpan.FromMinutes(10), sampleEvery = TimeSpan.FromMinutes(5);
DateTimeOffset nextSample = start + warmUp;
int steps = 0;
try
{
    while (time.GetUtcNow() < end)
    {
        await churn.StepAsync();
        time.Advance(step); // due refreshes start here, on the fake clock's timer
        await refresher.Current;
        steps++;
        if (time.GetUtcNow() >= nextSample)
        {
            long bytes = GC.GetTotalMemory(forceFullCollection: true);
            ledger.Memory.Add(((time.GetUtcNow() - start).TotalMinutes, sim.BatchCount, churn.Live, bytes));
            nextSample += sampleEvery;
        }
    }
}
catch (Exception e)
{
    Interlocked.Increment(ref ledger.UnhandledExceptions);
    ledger.Fail($"escaped the loop: {e}");
}
refresher.Dispose();
await refresher.Current;
TimeSpan wallTime = wall.Elapsed;

// The final account: every batch on the server is seeded or one the client knows it made; none twice.
await churn.FinalAccountAsync(seeded);
GC.Collect();
GC.WaitForPendingFinalizers();
ledger.ClientRetries = api.Retries;
ledger.BackoffAsked = backoff;
try { Directory.Delete(stateDir, true); } catch (IOException) { }

return Report.Print(ledger, opts, steps, time.GetUtcNow() - start, wallTime);

internal sealed record SoakOptions(double Hours, double Chaos, double AcceptFail, int Seed)
{
    public static SoakOptions Parse(string[] args)
    {
        var o = new SoakOptions(1, 0.3, 0.1, 7);
        for (int i = 0; i + 1 < args.Length; i += 2)
        {
            double v = double.Parse(args[i + 1], CultureInfo.InvariantCulture);
            o = args[i] switch
            {
                "--hours" => o with { Hours = v },
                "--chaos" => o with { Chaos = v },
                "--accept-fail" => o with { AcceptFail = v },
                "--seed" => o with { Seed = (int)v },
                _ => throw new ArgumentException($"unknown option {args[i]}"),
            };
        }
        return o;
    }
}
