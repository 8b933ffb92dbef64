using System.Text.Json;
using BatchTui.Core.Api;
using BatchTui.Simulator;
using Microsoft.Extensions.Time.Testing;

namespace BatchTui.Tests.Support;

/// <summary>
/// The world a test runs in: the simulator on 127.0.0.1 (random port, seeded world) and the real service-layer client
/// talking to it over HTTP, both on one fake clock, so time moves only when the test says.
/// </summary>
public sealed class World : IAsyncDisposable
{
    public static readonly DateTimeOffset Start = new(2026, 12, 2, 9, 0, 0, TimeSpan.Zero);
    private const string Key = "sk-test-world";
    private readonly AnthropicBatchesApi _api;

    private World(FakeTimeProvider time, SimulatorServer sim, AnthropicBatchesApi api)
    {
        Time = time;
        Sim = sim;
        _api = api;
    }

    public FakeTimeProvider Time { get; }
    public SimulatorServer Sim { get; }
    public IBatchesApi Api => _api;

    /// <param name="retries">Client retries; 0 so that injected failures reach the UI at once.</param>
    public static async Task<World> StartAsync(int seed = 1, bool seedWorld = true, int retries = 0)
    {
        var time = new FakeTimeProvider(Start);
        SimulatorServer sim = await SimulatorServer.StartAsync(new SimulatorOptions
        {
            Port = 0,
            ApiKey = Key,
            Seed = seed,
            Time = time,
            SeedWorld = seedWorld,
            CreatedBatchDuration = TimeSpan.FromMinutes(10),
        });
        var api = new AnthropicBatchesApi(new BatchesApiSettings
        {
            BaseUrl = sim.BaseUrl,
            ApiKey = new ApiKey(Key),
            MaxRetries = retries,
            Time = time,
        });
        return new World(time, sim, api);
    }

    /// <summary>Every batch, newest first, straight from the API (the truth a screen is compared with).</summary>
    public Task<List<MessageBatch>> AllBatchesAsync() => Api.AllBatchesAsync();

    /// <summary>Submits a small new batch, as another user of the workspace would.</summary>
    public Task<MessageBatch> CreateBatchAsync(int requests = 3)
    {
        JsonElement p = JsonDocument.Parse("""{"model":"claude-sonnet-4-6","max_tokens":64,"messages":[{"role":"user","content":"Say hi"}]}""").RootElement;
        return Api.CreateAsync(new BatchCreateRequest(Enumerable.Range(1, requests).Select(i => new BatchRequestItem($"req-{i}", p)).ToList()));
    }

    public async ValueTask DisposeAsync()
    {
        _api.Dispose();
        await Sim.DisposeAsync();
    }
}
