using BatchTui.Cli;
using BatchTui.Core.Api;
using BatchTui.Simulator;
using BatchTui.Tests.Hosting;
using BatchTui.Tests.Results;
using Microsoft.Extensions.Time.Testing;

namespace BatchTui.Tests.Cli;

/// <summary><c>batchtui create FILE</c> against a simulator over loopback, as a script or a person would run it.</summary>
public sealed class CreateCommandTests : IAsyncLifetime
{
    private const string Key = "sk-ant-api03-create-command-SECRET-7";
    private static readonly string NoConfig = Path.Combine(Path.GetTempPath(), "batchtui-no-such-dir", "config.json");
    private readonly TempFolder _dir = new();
    private SimulatorServer _sim = null!;
    private AnthropicBatchesApi _api = null!;

    public async Task InitializeAsync()
    {
        _sim = await SimulatorServer.StartAsync(new SimulatorOptions
        {
            Port = 0,
            ApiKey = Key,
            SeedWorld = false,
            Time = new FakeTimeProvider(new DateTimeOffset(2026, 12, 2, 8, 0, 0, TimeSpan.Zero)),
        });
        _api = new AnthropicBatchesApi(new BatchesApiSettings { BaseUrl = _sim.BaseUrl, ApiKey = new ApiKey(Key), MaxRetries = 0 });
    }

    public async Task DisposeAsync()
    {
        _api.Dispose();
        await _sim.DisposeAsync();
        _dir.Dispose();
    }

    private string StateDir => Path.Combine(_dir.Path, "state");

    private Dictionary<string, string?> Env => new()
    {
        ["ANTHROPIC_API_KEY"] = Key,
        ["ANTHROPIC_BASE_URL"] = _sim.BaseUrl.ToString(),
        ["XDG_STATE_HOME"] = StateDir,
    };

    private string Requests(params string[] lines)
    {
        string path = Path.Combine(_dir.Path, $"requests-{Guid.NewGuid():N}.jsonl");
        File.WriteAllLines(path, lines);
        return path;
    }

    private static string Request(string customId, string model = "claude-sonnet-4-6", int maxTokens = 64) =>
        $$$"""{"custom_id":"{{{customId}}}","params":{"model":"{{{model}}}","max_tokens":{{{maxTokens}}},"messages":[{"role":"user","content":"Say hi"}]}}""";

    private async Task<(int Code, string Out, string Err)> Run(string[] args, bool terminal = false, string input = "",
        Dictionary<string, string?>? env = null, Func<string, SimulatorOptions>? demo = null)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var console = new CliConsole(stdout, stderr, new StringReader(input), terminal);
        int code = await CreateCommand.RunAsync(args, console, env ?? Env, NoConfig, demo, CancellationToken.None);
        return (code, stdout.ToString(), stderr.ToString());
    }

    private async Task<int> BatchCount() => (await _api.ListAsync(new PageRequest(1000))).Data.Count;

    [Fact]
    public async Task A_valid_file_with_yes_is_created_printed_and_journalled()
    {
        string file = Requests(Request("row-1"), Request("row-2", model: "claude-haiku-4-5"));
        var (code, stdout, stderr) = await Run([file, "--yes"]);

        Assert.Equal(0, code);
        string id = stdout.Trim();
        Assert.Matches(@"^msgbatch_\w+$", id); // stdout holds the id alone: id=$(batchtui create f --yes)
        Assert.Contains("requests: 2", stderr);
        Assert.Contains("claude-haiku-4-5 ×1, claude-sonnet-4-6 ×1", stderr);
        Assert.Contains($"created {id} (in_progress, 2 requests)", stderr);
        Assert.DoesNotContain(Key, stdout + stderr);

        MessageBatch batch = await _api.GetAsync(id);
        Assert.Equal(2, batch.Counts.Total);
        string journalled = Path.Combine(StateDir, "batchtui", "journal", id + ".jsonl");
        Assert.Equal(2, File.ReadAllLines(journalled).Length);
        Assert.DoesNotContain(Key, File.ReadAllText(journalled));
    }

    [Fact]
    public async Task An_invalid_file_prints_every_message_and_sends_nothing()
    {
        string file = Requests(
            Request("row 1", maxTokens: 0),
            Request("row-2"),
            Request("row-2"),
            """{"custom_id":"row-4" "params":{}}""");
        var (code, stdout, stderr) = await Run([file, "--yes"]);

        Assert.Equal(1, code);
        Assert.Equal("", stdout);
        Assert.Contains(":4:22: error: '\"' is invalid after a value", stderr);
        Assert.Contains("request #1 (custom_id \"row 1\", line 1): custom_id may contain only letters, digits, '_' and '-'", stderr);
        Assert.Contains("request #1 (custom_id \"row 1\", line 1): params.max_tokens must be at least 1 (got 0)", stderr);
        Assert.Contains("custom_id \"row-2\"", stderr.Split('\n').Single(l => l.Contains("unique", StringComparison.Ordinal) || l.Contains("duplicate", StringComparison.Ordinal)));
        Assert.Contains("nothing was sent", stderr);
        Assert.Equal(0, await BatchCount());
    }

    [Fact]
    public async Task Without_a_terminal_it_never_waits_for_an_answer()
    {
        var (code, stdout, stderr) = await Run([Requests(Request("a"))], terminal: false);
        Assert.Equal(4, code);
        Assert.Equal("", stdout);
        Assert.Contains("stdin is not a terminal", stderr);
        Assert.Contains("--yes", stderr);
        Assert.Equal(0, await BatchCount());
    }

    [Theory]
    [InlineData("y\n", 0)]
    [InlineData("n\n", 4)]
    [InlineData("", 4)]
    public async Task On_a_terminal_it_asks_and_only_yes_sends(string answer, int expected)
    {
        var (code, _, stderr) = await Run([Requests(Request("a"), Request("b"))], terminal: true, input: answer);
        Assert.Equal(expected, code);
        Assert.Contains("Create this batch of 2 requests? [y/N]", stderr);
        Assert.Equal(expected == 0 ? 1 : 0, await BatchCount());
    }

    [Fact]
    public async Task A_refusal_from_the_api_shows_its_message_and_request_id()
    {
        _sim.Chaos.FailNext(1, 400);
        var (code, stdout, stderr) = await Run([Requests(Request("a")), "--yes", "--max-retries", "0"]);
        Assert.Equal(3, code);
        Assert.Equal("", stdout);
        Assert.Matches(@"create failed: 400 invalid_request_error: .+ \(request-id req_\w+\)", stderr);
    }

    [Fact]
    public async Task Usage_errors_exit_2_and_read_only_creates_nothing()
    {
        Assert.Equal(2, (await Run([Path.Combine(_dir.Path, "missing.jsonl"), "--yes"])).Code);
        Assert.Equal(2, (await Run(["--yes"])).Code);
        Assert.Equal(2, (await Run(["a.jsonl", "b.jsonl"])).Code);
        var (code, _, stderr) = await Run([Requests(Request("a")), "--yes", "--read-only"]);
        Assert.Equal(2, code);
        Assert.Contains("read-only", stderr);
        Assert.Equal(0, await BatchCount());
    }

    [Fact]
    public async Task A_rejected_key_exits_3_with_status_and_request_id_and_the_key_is_never_printed()
    {
        var env = Env;
        env["ANTHROPIC_API_KEY"] = "sk-ant-wrong-" + Key;
        var (code, stdout, stderr) = await Run([Requests(Request("a")), "--yes"], env: env);
        Assert.Equal(3, code);
        Assert.Equal("", stdout);
        Assert.Matches(@"401 authentication_error: .+ \(request-id req_\w+\)", stderr);
        Assert.DoesNotContain(Key, stderr);
        Assert.False(Directory.Exists(Path.Combine(StateDir, "batchtui", "journal")));
    }

    [Fact]
    public async Task Usage_messages_say_what_is_wrong_and_help_lists_the_exit_codes()
    {
        string missing = Path.Combine(_dir.Path, "missing.jsonl");
        Assert.Contains($"batchtui create: {missing}: no such file", (await Run([missing, "--yes"])).Err);
        Assert.Contains("which file?", (await Run(["--yes"])).Err);
        Assert.Contains("unknown argument '--bogus'", (await Run(["a.jsonl", "--bogus"])).Err);

        var (code, stdout, _) = await Run(["--help"]);
        Assert.Equal(0, code);
        Assert.StartsWith("usage: batchtui create FILE [--yes]", stdout);
        Assert.Contains("Exit codes: 0 created, 1 invalid, 2 usage, 3 the API refused, 4 not confirmed.", stdout);
        Assert.Contains("--base-url URL", stdout);
    }

    [Fact]
    public async Task With_no_key_it_says_the_batch_goes_to_the_demo_simulator()
    {
        var env = new Dictionary<string, string?> { ["XDG_STATE_HOME"] = StateDir };
        var (code, stdout, stderr) = await Run([Requests(Request("a")), "--yes"], env: env, demo: DemoSimulator.Frozen());
        Assert.Equal(0, code);
        Assert.Matches(@"^msgbatch_\w+$", stdout.Trim());
        Assert.Contains("ready to send to the built-in simulator (demo mode", stderr);
    }
}
