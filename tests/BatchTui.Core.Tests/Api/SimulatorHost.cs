using BatchTui.Core.Api;
using BatchTui.Simulator;
using Microsoft.Extensions.Time.Testing;

namespace BatchTui.Core.Tests.Api;

/// <summary>
/// A simulator on 127.0.0.1:0 with its own key and a fake clock, and a service-layer client pointed at it whose
/// retry waits are recorded instead of waited.
/// </summary>
internal sealed class SimulatorHost : IAsyncDisposable
{
    public const string Key = "sk-ant-sim-test-key-0123456789";

    public SimulatorServer Server { get; }
    public FakeTimeProvider Clock { get; }
    public AnthropicBatchesApi Api { get; }
    public HeaderSpy Spy { get; }
    private SimulatorHost(SimulatorServer server, FakeTimeProvider clock, AnthropicBatchesApi api, HeaderSpy spy)
    {
        Server = server;
        Clock = clock;
        Api = api;
        Spy = spy;
    }

    public static async Task<SimulatorHost> StartAsync(IReadOnlyList<string>? betas = null, bool seedWorld = true,
        int maxRetries = 4, TimeSpan? createdBatchDuration = null, bool clientOnSimClock = false)
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 2, 8, 0, 0, TimeSpan.Zero));
        var server = await SimulatorServer.StartAsync(new SimulatorOptions
        {
            Port = 0,
            ApiKey = Key,
            Time = clock,
            SeedWorld = seedWorld,
            IncludeLargeBatch = false,
            CreatedBatchDuration = createdBatchDuration,
        });
        var spy = new HeaderSpy();
        var delays = new List<TimeSpan>();
        var api = new AnthropicBatchesApi(new BatchesApiSettings
        {
            BaseUrl = server.BaseUrl,
            ApiKey = new ApiKey(Key),
            Betas = betas ?? [],
            MaxRetries = maxRetries,
            Time = clientOnSimClock ? clock : TimeProvider.System,
            Delay = (d, _) => { delays.Add(d); return Task.CompletedTask; },
            Jitter = () => 0.5,
            InnerHandler = () => spy,
        });
        return new SimulatorHost(server, clock, api, spy) { _delays = delays };
    }

    private List<TimeSpan> _delays = null!;

    /// <summary>The retry waits so far.</summary>
    public IReadOnlyList<TimeSpan> RetryDelays => _delays;

    /// <summary>Every batch in the world, newest first, walked with the service layer.</summary>
    public async Task<List<MessageBatch>> AllBatchesAsync(int pageSize = 100)
    {
        var all = new List<MessageBatch>();
        string? after = null;
        while (true)
        {
            var page = await Api.ListAsync(new PageRequest(pageSize, AfterId: after));
            all.AddRange(page.Data);
            if (!page.HasMore) return all;
            after = page.LastId;
        }
    }

    public async ValueTask DisposeAsync()
    {
        Api.Dispose();
        await Server.DisposeAsync();
    }
}
