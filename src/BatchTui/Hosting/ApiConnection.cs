using BatchTui.Core.Api;
using BatchTui.Core.Config;
using BatchTui.Simulator;
using System.Security.Cryptography;

namespace BatchTui.Hosting;

/// <summary>
/// What the app talks to: the real API (or any base URL configured), or, with no key and no base URL of one's own
/// (or <c>--demo</c>), the embedded simulator on a random loopback port with a random per-process key, so even the
/// demo exercises real HTTP and auth. Disposing it stops the simulator.
/// </summary>
public sealed class ApiConnection : IAsyncDisposable
{
    private readonly AnthropicBatchesApi _api;
    private readonly SimulatorServer? _simulator;

    private ApiConnection(AnthropicBatchesApi api, SimulatorServer? simulator, string profileName, string? demoReason)
    {
        _api = api;
        _simulator = simulator;
        ProfileName = profileName;
        DemoReason = demoReason;
    }

    public IBatchesApi Api => _api;
    public bool IsSimulator => _simulator is not null;
    public string ProfileName { get; }
    public Uri BaseUrl => _api.BaseUrl;
    public IReadOnlyList<string> Betas => _api.Betas;

    /// <summary>Why the simulator is in use ("no ANTHROPIC_API_KEY set", "--demo"); null when it is not.</summary>
    public string? DemoReason { get; }

    /// <summary>The embedded simulator's fault injection (demo and tests only).</summary>
    internal ChaosSettings? SimulatorChaos => _simulator?.Chaos;

    /// <summary>Retries performed so far, and a notice before each (for a "retrying in 2s" status line).</summary>
    public long Retries => _api.Retries;

    public event Action<RetryEvent>? Retrying
    {
        add => _api.Retrying += value;
        remove => _api.Retrying -= value;
    }

    /// <summary>One line for a header or a CLI banner, never containing the key.</summary>
    public string Describe() => IsSimulator
        ? $"simulator at {BaseUrl} (demo mode: {DemoReason})"
        : $"profile {ProfileName} at {BaseUrl}{(Betas.Count > 0 ? $" (beta: {string.Join(",", Betas)})" : "")}";

    public static Task<ApiConnection> OpenAsync(BatchTuiOptions options, CancellationToken ct) =>
        OpenAsync(options, simulatorOptions: null, ct);

    /// <param name="simulatorOptions">Builds the demo simulator's options from the fresh key (tests: a fake clock,
    /// an empty world); null = the demo defaults.</param>
    internal static async Task<ApiConnection> OpenAsync(BatchTuiOptions options,
        Func<string, SimulatorOptions>? simulatorOptions, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!options.UseSimulator)
            return new ApiConnection(new AnthropicBatchesApi(options.ToApiSettings()), null, options.ProfileName, null);

        // A fresh key per process: nothing else on this machine can drive the demo simulator's port.
        string key = "sim-" + Convert.ToHexString(RandomNumberGenerator.GetBytes(24)).ToLowerInvariant();
        // Real-time clock so every timestamp the UI shows agrees with the wall clock; batches the user submits in the
        // demo still end in seconds because their processing time is short, not because time runs fast.
        var simOptions = simulatorOptions?.Invoke(key) ?? new SimulatorOptions
        {
            Port = 0,
            ApiKey = key,
            Speed = 1,
            CreatedBatchDuration = TimeSpan.FromSeconds(20),
            CancelDelay = TimeSpan.FromSeconds(5),
            FreshIds = true, // a second demo session must not hand out (and find cached) the first one's ids
        };
        var server = await SimulatorServer.StartAsync(simOptions, ct).ConfigureAwait(false);
        try
        {
            var api = new AnthropicBatchesApi(options.ToApiSettings() with { BaseUrl = server.BaseUrl, ApiKey = new ApiKey(key) });
            string reason = options.Demo ? "--demo" : "no ANTHROPIC_API_KEY set";
            return new ApiConnection(api, server, "simulator", reason);
        }
        catch
        {
            await server.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        _api.Dispose();
        if (_simulator is not null) await _simulator.DisposeAsync().ConfigureAwait(false);
    }
}
