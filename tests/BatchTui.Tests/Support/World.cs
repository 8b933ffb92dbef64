using BatchTui.Core.Api;
using BatchTui.Simulator;
using Microsoft.Extensions.Time.Testing;
using System.Text.Json;

namespace BatchTui.Tests.Support;

/// <summary>
/// The world a test runs in: the simulator in-process on 127.0.0.1 (random port, seeded world) and the real
/// service-layer client talking to it over loopback HTTP, both on one fake clock, so time moves only when the test
/// says. The client's retry waits are recorded (<see cref="RetryDelays"/>) instead of waited, and what it sends is
/// logged on the wire (<see cref="Spy"/>). Shared by the Core tests and the UI tests (linked into both projects);
/// the simulator's own tests use the raw-HTTP <c>SimHost</c>, without this client.
/// </summary>
public sealed class World : IAsyncDisposable
{
    public static readonly DateTimeOffset Start = new(2026, 12, 2, 9, 0, 0, TimeSpan.Zero);
    public const string Key = "sk-ant-sim-test-key-0123456789";
    private readonly List<TimeSpan> _delays;

    private World(FakeTimeProvider time, SimulatorServer sim, AnthropicBatchesApi api, WireLog spy, List<TimeSpan> delays)
    {
        Time = time;
        Sim = sim;
        Api = api;
        Spy = spy;
        _delays = delays;
    }

    /// <summary>The one clock: the simulator's world and the client's timeouts.</summary>
    public FakeTimeProvider Time { get; }
    public SimulatorServer Sim { get; }
    public AnthropicBatchesApi Api { get; }
    /// <summary>Every request the client sent, as sent.</summary>
    public WireLog Spy { get; }
    /// <summary>The retry waits so far.</summary>
    public IReadOnlyList<TimeSpan> RetryDelays => _delays;

    /// <param name="seedWorld">The seeded workspace (some 150 batches); false: an empty one.</param>
    /// <param name="retries">Client retries; 0 so that injected failures reach the caller at once.</param>
    /// <param name="betas">anthropic-beta values the client sends.</param>
    /// <param name="createdBatchDuration">How long a batch created through the API takes (virtual time).</param>
    /// <param name="largeBatch">Whether the seeded world includes its one large batch (many thousand results).</param>
    public static async Task<World> StartAsync(int seed = 1, bool seedWorld = true, int retries = 0, IReadOnlyList<string>? betas = null,
        TimeSpan? createdBatchDuration = null, bool largeBatch = true)
    {
        var time = new FakeTimeProvider(Start);
        SimulatorServer sim = await SimulatorServer.StartAsync(new SimulatorOptions
        {
            Port = 0,
            ApiKey = Key,
            Seed = seed,
            Time = time,
            SeedWorld = seedWorld,
            IncludeLargeBatch = largeBatch,
            CreatedBatchDuration = createdBatchDuration ?? TimeSpan.FromMinutes(10),
        });
        var spy = new WireLog();
        var delays = new List<TimeSpan>();
        var api = new AnthropicBatchesApi(new BatchesApiSettings
        {
            BaseUrl = sim.BaseUrl,
            ApiKey = new ApiKey(Key),
            Betas = betas ?? [],
            MaxRetries = retries,
            Time = time,
            Delay = (d, _) => { lock (delays) delays.Add(d); return Task.CompletedTask; },
            Jitter = () => 0.5,
            InnerHandler = () => spy,
        });
        return new World(time, sim, api, spy, delays);
    }

    /// <summary>Every batch, newest first, walked with the client (the truth a screen is compared with).</summary>
    public async Task<List<MessageBatch>> AllBatchesAsync(int pageSize = 1000)
    {
        var all = new List<MessageBatch>();
        string? after = null;
        while (true)
        {
            BatchPage page = await Api.ListAsync(new PageRequest(pageSize, AfterId: after));
            all.AddRange(page.Data);
            if (!page.HasMore || page.Data.Count == 0) return all;
            after = page.LastId;
        }
    }

    /// <summary>Submits a small new batch, as another user of the workspace would.</summary>
    public Task<MessageBatch> CreateBatchAsync(int requests = 3)
    {
        JsonElement p = JsonDocument.Parse("""{"model":"claude-sonnet-4-6","max_tokens":64,"messages":[{"role":"user","content":"Say hi"}]}""").RootElement;
        return Api.CreateAsync(new BatchCreateRequest(Enumerable.Range(1, requests).Select(i => new BatchRequestItem($"req-{i}", p)).ToList()));
    }

    public async ValueTask DisposeAsync()
    {
        Api.Dispose();
        await Sim.DisposeAsync();
    }
}
