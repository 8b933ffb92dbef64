using BatchTui.Core.Api;
using BatchTui.Core.Config;
using BatchTui.Hosting;
using BatchTui.Simulator;

namespace BatchTui.Tests.Hosting;

public sealed class ApiConnectionTests
{
    private static BatchTuiOptions Options(string[] args, Dictionary<string, string?> env) =>
        ConfigLoader.Load(args, env, Path.Combine(Path.GetTempPath(), "batchtui-no-such-dir", "config.json")).Options;

    [Fact]
    public async Task No_key_and_no_base_url_starts_the_embedded_simulator_over_real_http()
    {
        await using var c = await ApiConnection.OpenAsync(Options([], new()), DemoSimulator.Frozen(), CancellationToken.None);
        Assert.True(c.IsSimulator);
        Assert.Equal("simulator", c.ProfileName);
        Assert.Equal("127.0.0.1", c.BaseUrl.Host);
        Assert.NotEqual(0, c.BaseUrl.Port);
        Assert.Equal("no ANTHROPIC_API_KEY set", c.DemoReason);
        Assert.StartsWith("simulator at http://127.0.0.1:", c.Describe());

        var page = await c.Api.ListAsync(new PageRequest(5));
        Assert.Equal(5, page.Data.Count);
    }

    [Fact]
    public async Task The_demo_simulator_rejects_callers_without_its_per_process_key()
    {
        await using var c = await ApiConnection.OpenAsync(Options([], new()), DemoSimulator.Frozen(), CancellationToken.None);
        using var stranger = new AnthropicBatchesApi(new BatchesApiSettings { BaseUrl = c.BaseUrl, ApiKey = new ApiKey("sim-guess") });
        var e = await Assert.ThrowsAsync<BatchApiException>(() => stranger.ListAsync(new PageRequest()));
        Assert.Equal(401, e.Status);
    }

    [Fact]
    public async Task A_key_and_base_url_talk_to_that_server_and_demo_forces_the_simulator()
    {
        await using var sim = await SimulatorServer.StartAsync(new SimulatorOptions { Port = 0, ApiKey = "sk-ant-own-key", SeedWorld = false });
        var env = new Dictionary<string, string?> { ["ANTHROPIC_API_KEY"] = "sk-ant-own-key", ["ANTHROPIC_BASE_URL"] = sim.BaseUrl.ToString() };

        await using (var real = await ApiConnection.OpenAsync(Options([], env), CancellationToken.None))
        {
            Assert.False(real.IsSimulator);
            Assert.Equal("default", real.ProfileName);
            Assert.Equal(sim.BaseUrl, real.BaseUrl);
            Assert.Null(real.DemoReason);
            Assert.Empty((await real.Api.ListAsync(new PageRequest())).Data); // the empty world, not the demo's
            Assert.DoesNotContain("sk-ant-own-key", real.Describe());
        }

        await using var demo = await ApiConnection.OpenAsync(Options(["--demo"], env), DemoSimulator.Frozen(), CancellationToken.None);
        Assert.True(demo.IsSimulator);
        Assert.Equal("--demo", demo.DemoReason);
        Assert.NotEqual(sim.BaseUrl, demo.BaseUrl);
        Assert.NotEmpty((await demo.Api.ListAsync(new PageRequest())).Data);
    }

    [Fact]
    public async Task Betas_switch_the_connection_to_the_beta_namespace()
    {
        await using var c = await ApiConnection.OpenAsync(Options(["--beta", "message-batches-2024-09-24"], new()),
            DemoSimulator.Frozen(), CancellationToken.None);
        Assert.Equal(["message-batches-2024-09-24"], c.Betas);
        Assert.NotEmpty((await c.Api.ListAsync(new PageRequest(2))).Data);
    }
}
