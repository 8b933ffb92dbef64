using BatchTui.Simulator.Engine;
using BatchTui.Simulator.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using System.Net;

namespace BatchTui.Simulator;

/// <summary>
/// The Message Batches API on 127.0.0.1 (Kestrel, minimal APIs): six endpoints, auth, the error envelope, paging, a
/// lifecycle on a virtual clock, results streamed from a seed, and chaos. In-process for the demo and the tests, or
/// standalone through <c>batchtui simulate</c>.
/// </summary>
public sealed class SimulatorServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private readonly SimulatorWorld _world;

    private SimulatorServer(WebApplication app, SimulatorWorld world, Uri baseUrl, ChaosSettings chaos)
    {
        _app = app;
        _world = world;
        BaseUrl = baseUrl;
        Chaos = chaos;
    }

    /// <summary>http://127.0.0.1:&lt;port&gt;</summary>
    public Uri BaseUrl { get; }

    /// <summary>Fault injection, changeable at run time.</summary>
    public ChaosSettings Chaos { get; }

    /// <summary>The simulated clock: start + (real now − start) × speed. Batch timestamps are on this clock.</summary>
    public DateTimeOffset VirtualNow => _world.Clock.Now;

    /// <summary>How many batches exist now (seeded plus created, minus deleted).</summary>
    public int BatchCount => _world.Store.NewestFirst().Length;

    public static async Task<SimulatorServer> StartAsync(SimulatorOptions options, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Speed <= 0) throw new ArgumentOutOfRangeException(nameof(options), "Speed must be positive");

        var chaos = new ChaosSettings(options.Seed);
        var world = new SimulatorWorld(options, chaos);

        // The empty builder reads no environment, appsettings or command line: nothing outside the options changes
        // what the simulator does, and nothing is logged to the console the TUI is drawing on.
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrelCore().ConfigureKestrel(k =>
        {
            k.Listen(IPAddress.Loopback, options.Port);
            k.AddServerHeader = false;
            k.Limits.MaxRequestBodySize = 256L * 1024 * 1024; // the API's documented batch size limit
            // A hostile server's 10,000-character id must fit in a request line (default limit 8 KB).
            if (options.Hostile) k.Limits.MaxRequestLineSize = 64 * 1024;
        });
        builder.Services.AddRoutingCore();

        var app = builder.Build();
        var pipeline = new ApiPipeline(world);
        app.Use(pipeline.InvokeAsync);
        BatchEndpoints.Map(app, world);

        await app.StartAsync(ct);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new SimulatorServer(app, world, new Uri(address), chaos);
    }

    public async ValueTask DisposeAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        try
        {
            await _app.StopAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            // Open results streams are cut; that is what stopping means.
        }
        await _app.DisposeAsync();
    }
}
