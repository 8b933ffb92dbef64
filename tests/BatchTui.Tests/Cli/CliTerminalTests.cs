using BatchTui.Core.Api;
using BatchTui.Simulator;
using BatchTui.Tests.EndToEnd;
using BatchTui.Tests.Results;

namespace BatchTui.Tests.Cli;

/// <summary>The commands on a real terminal (tmux): the confirmation prompt, and watch redrawing its lines in place.</summary>
public sealed class CliTerminalTests : IAsyncLifetime
{
    private const string KeyVar = "BATCHTUI_CLI_E2E_KEY";
    private const string Key = "sk-ant-cli-e2e-key-4242";
    private SimulatorServer _sim = null!;
    private AnthropicBatchesApi _api = null!;
    private TempFolder _home = null!;

    public Task InitializeAsync()
    {
        _home = new TempFolder();
        return Task.CompletedTask;
    }

    /// <summary>Real time at 60x: a batch created now ends after <paramref name="duration"/> / 60 of real time.</summary>
    private async Task StartSimulator(TimeSpan duration)
    {
        _sim = await SimulatorServer.StartAsync(new SimulatorOptions
        {
            Port = 0,
            ApiKey = Key,
            SeedWorld = false,
            Speed = 60,
            CreatedBatchDuration = duration,
            CreatedErrorRate = 0,
        });
        _api = new AnthropicBatchesApi(new BatchesApiSettings { BaseUrl = _sim.BaseUrl, ApiKey = new ApiKey(Key), MaxRetries = 0 });
    }

    public async Task DisposeAsync()
    {
        _api?.Dispose();
        if (_sim is not null) await _sim.DisposeAsync();
        _home.Dispose();
    }

    private TmuxApp Start(string args) => TmuxApp.Start(_home.Path, $"{args} --base-url {_sim.BaseUrl} --api-key-env {KeyVar}",
        new Dictionary<string, string> { [KeyVar] = Key }, cols: 150, rows: 20);

    private Task<MessageBatch> Create(int n) => _api.CreateAsync(new BatchCreateRequest(Enumerable.Range(1, n).Select(i => new BatchRequestItem($"r-{i}",
        System.Text.Json.JsonDocument.Parse("""{"model":"claude-sonnet-4-6","max_tokens":16,"messages":[{"role":"user","content":"hi"}]}""").RootElement)).ToList()));

    [Fact]
    public async Task Cancel_asks_on_the_terminal_naming_the_id_and_y_cancels()
    {
        await StartSimulator(TimeSpan.FromHours(2));
        MessageBatch b = await Create(3);
        using TmuxApp app = Start($"cancel {b.Id}");
        app.WaitFor($"Cancel 1 batch: {b.Id}? [y/N]");
        Assert.Equal(BatchStatus.InProgress, (await _api.GetAsync(b.Id)).Status);
        app.Type("y").Keys("Enter");
        Assert.Equal(0, app.WaitForExit());
        Assert.Matches($@"{b.Id}  canceling  3 requests", app.Screen());
        Assert.NotEqual(BatchStatus.InProgress, (await _api.GetAsync(b.Id)).Status);
    }

    [Fact]
    public async Task Watch_redraws_its_progress_lines_in_place_and_exits_0()
    {
        await StartSimulator(TimeSpan.FromMinutes(12)); // ~12 s: long enough to see it running after the app starts
        MessageBatch a = await Create(2), b = await Create(2);
        using TmuxApp app = Start($"watch {a.Id} {b.Id} --interval 1s");
        app.WaitUntil(s => s.Contains($"{a.Id}  in_progress") && s.Contains($"{b.Id}  in_progress"), "both batches in progress");
        Assert.Equal(0, app.WaitForExit());
        string screen = app.Screen();
        // In place: the in_progress lines were overwritten by the ended ones, not followed by them.
        Assert.DoesNotContain("in_progress", screen);
        Assert.Single(screen.Split('\n'), l => l.StartsWith($"{a.Id}  ended, all succeeded: 2 succeeded", StringComparison.Ordinal));
        Assert.Single(screen.Split('\n'), l => l.StartsWith($"{b.Id}  ended, all succeeded: 2 succeeded", StringComparison.Ordinal));
    }
}
