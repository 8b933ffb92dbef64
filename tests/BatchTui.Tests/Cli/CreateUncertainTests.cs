using BatchTui.Cli;
using BatchTui.Core.Api;
using BatchTui.Core.State;
using BatchTui.Simulator;
using BatchTui.Tests.Results;

namespace BatchTui.Tests.Cli;

/// <summary>
/// <c>batchtui create</c> when the server accepts the batch and then fails the answer: one batch exists, it is named
/// as the likely match, nothing is re-sent, and the journal keeps the attempt. The simulator runs on the real clock
/// here (as in demo mode), since the CLI's client does and the match is found by created_at.
/// </summary>
public sealed class CreateUncertainTests : IAsyncLifetime
{
    private const string Key = "sk-ant-api03-create-uncertain-SECRET-9";
    private static readonly string NoConfig = Path.Combine(Path.GetTempPath(), "batchtui-no-such-dir", "config.json");
    private readonly TempFolder _dir = new();
    private SimulatorServer _sim = null!;
    private AnthropicBatchesApi _api = null!;

    public async Task InitializeAsync()
    {
        _sim = await SimulatorServer.StartAsync(new SimulatorOptions { Port = 0, ApiKey = Key, SeedWorld = false });
        _api = new AnthropicBatchesApi(new BatchesApiSettings { BaseUrl = _sim.BaseUrl, ApiKey = new ApiKey(Key), MaxRetries = 0 });
    }

    public async Task DisposeAsync()
    {
        _api.Dispose();
        await _sim.DisposeAsync();
        _dir.Dispose();
    }

    private string StateDir => Path.Combine(_dir.Path, "state");

    private async Task<(int Code, string Out, string Err)> CreateTwoRequests()
    {
        string file = Path.Combine(_dir.Path, "requests.jsonl");
        File.WriteAllLines(file, new[] { "a", "b" }.Select(id =>
            $$$"""{"custom_id":"{{{id}}}","params":{"model":"claude-sonnet-4-6","max_tokens":64,"messages":[{"role":"user","content":"Say hi"}]}}"""));
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var env = new Dictionary<string, string?>
        {
            ["ANTHROPIC_API_KEY"] = Key,
            ["ANTHROPIC_BASE_URL"] = _sim.BaseUrl.ToString(),
            ["XDG_STATE_HOME"] = StateDir,
        };
        int code = await CreateCommand.RunAsync([file, "--yes"], new CliConsole(stdout, stderr, new StringReader(""), false),
            env, NoConfig, null, CancellationToken.None);
        return (code, stdout.ToString(), stderr.ToString());
    }

    [Theory]
    [InlineData(CreateFault.ServerError, "500 api_error: Internal server error")]
    [InlineData(CreateFault.Drop, "no response connection_error")]
    public async Task Accepted_then_failed_names_the_one_batch_and_journals_the_attempt(CreateFault fault, string failure)
    {
        _sim.Chaos.AcceptThenFailNextCreates(1, fault);
        var (code, stdout, stderr) = await CreateTwoRequests();

        MessageBatch only = Assert.Single((await _api.ListAsync(new PageRequest(100))).Data);
        Assert.Equal(3, code);
        Assert.Equal("", stdout); // no id on stdout: nothing is certain
        Assert.Contains($"batchtui: create failed: {failure}", stderr);
        Assert.Matches($@"batchtui: the batch may have been created: {only.Id} was created (just now|\d s ago) with the same 2 requests: check it before sending again",
            stderr);
        Assert.Contains("this attempt is journalled in ", stderr);
        Assert.DoesNotContain(Key, stderr);

        var journal = new SubmissionJournal(Path.Combine(StateDir, "batchtui", "journal"), TimeProvider.System);
        UncertainCreate u = Assert.Single(await journal.UncertainAsync());
        Assert.Equal(only.Id, u.LikelyMatch);
        Assert.Equal(2, u.RequestCount);
    }
}
