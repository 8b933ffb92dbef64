using BatchTui.Cli;
using BatchTui.Simulator;
using BatchTui.Tests.Hosting;
using System.Text.Json;

namespace BatchTui.Tests.Cli;

public sealed class ListCommandTests
{
    private const string Secret = "sk-ant-api03-list-command-SECRET-42";
    private static readonly string NoConfig = Path.Combine(Path.GetTempPath(), "batchtui-no-such-dir", "config.json");

    private static async Task<(int Code, string Out, string Err)> Run(string[] args, Dictionary<string, string?>? env = null)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        int code = await ListCommand.RunAsync(args, stdout, stderr, env ?? new(), NoConfig, DemoSimulator.Frozen(), CancellationToken.None);
        return (code, stdout.ToString(), stderr.ToString());
    }

    private static string[] Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToArray();

    [Fact]
    public async Task Demo_mode_prints_a_table_from_the_simulator_and_says_so()
    {
        var (code, stdout, stderr) = await Run(["--limit", "4"]);
        Assert.Equal(0, code);
        // The connection line is a diagnostic: stderr, so stdout is the table alone.
        Assert.Matches(@"^simulator at http://127\.0\.0\.1:\d+/ \(demo mode: no ANTHROPIC_API_KEY set\)$", Lines(stderr).Single());
        var lines = new[] { "" }.Concat(Lines(stdout)).ToArray();
        Assert.Matches(@"^ID\s+STATUS\s+REQUESTS\s+PROCESSING\s+SUCCEEDED\s+ERRORED\s+CANCELED\s+EXPIRED\s+CREATED \(UTC\)$", lines[1]);
        Assert.Equal(4, lines.Count(l => l.StartsWith("msgbatch_")));
        Assert.All(lines.Where(l => l.StartsWith("msgbatch_")), l => Assert.Matches(@"(in_progress|canceling|ended)", l));
        Assert.Matches(@"^4 batches; older: batchtui list --after msgbatch_\w+$", lines[^1]);

        // The footer's command gives the next page, which does not repeat this one.
        string after = lines[^1].Split(' ')[^1];
        var next = await Run(["--limit", "4", "--after", after]);
        Assert.Equal(0, next.Code);
        var firstIds = lines.Where(l => l.StartsWith("msgbatch_")).Select(l => l.Split(' ')[0]);
        var nextIds = Lines(next.Out).Where(l => l.StartsWith("msgbatch_")).Select(l => l.Split(' ')[0]);
        Assert.Empty(firstIds.Intersect(nextIds));
    }

    [Fact]
    public async Task Json_goes_to_stdout_alone_and_keeps_the_api_fields()
    {
        var (code, stdout, stderr) = await Run(["--json", "--limit", "3"]);
        Assert.Equal(0, code);
        Assert.StartsWith("simulator at ", stderr);
        using var doc = JsonDocument.Parse(stdout);
        var data = doc.RootElement.GetProperty("data");
        Assert.Equal(3, data.GetArrayLength());
        Assert.Equal("message_batch", data[0].GetProperty("type").GetString());
        Assert.Equal(data[0].GetProperty("id").GetString(), doc.RootElement.GetProperty("first_id").GetString());
        Assert.True(doc.RootElement.GetProperty("has_more").GetBoolean());
    }

    [Fact]
    public async Task Against_a_configured_server_it_names_the_profile_and_never_prints_the_key()
    {
        await using var sim = await SimulatorServer.StartAsync(new SimulatorOptions { Port = 0, ApiKey = Secret, IncludeLargeBatch = false });
        var env = new Dictionary<string, string?> { ["ANTHROPIC_API_KEY"] = Secret, ["ANTHROPIC_BASE_URL"] = sim.BaseUrl.ToString() };
        var (code, stdout, stderr) = await Run(["--limit", "2"], env);
        Assert.Equal(0, code);
        Assert.StartsWith($"profile default at {sim.BaseUrl}", stderr);
        Assert.DoesNotContain("simulator", Lines(stderr)[0]);
        Assert.DoesNotContain(Secret, stdout + stderr);
    }

    [Fact]
    public async Task A_rejected_key_is_one_error_line_with_status_type_and_request_id_and_exit_code_1()
    {
        await using var sim = await SimulatorServer.StartAsync(new SimulatorOptions { Port = 0, ApiKey = "sk-ant-the-right-one", SeedWorld = false });
        var env = new Dictionary<string, string?> { ["ANTHROPIC_API_KEY"] = Secret, ["ANTHROPIC_BASE_URL"] = sim.BaseUrl.ToString() };
        var (code, _, stderr) = await Run([], env);
        Assert.Equal(1, code);
        var line = Assert.Single(Lines(stderr), l => l.StartsWith("batchtui list:"));
        Assert.Matches(@"^batchtui list: 401 authentication_error: .+ \(request-id req_\w+\)$", line);
        Assert.DoesNotContain(Secret, stderr);
    }

    [Fact]
    public async Task An_unknown_cursor_is_a_400_line()
    {
        var (code, _, stderr) = await Run(["--after", "msgbatch_nope"]);
        Assert.Equal(1, code);
        Assert.Matches(@"batchtui list: 400 invalid_request_error: .*msgbatch_nope.* \(request-id req_\w+\)", stderr);
    }

    [Fact]
    public async Task No_server_is_a_connection_error_line()
    {
        var l = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        l.Start();
        int port = ((System.Net.IPEndPoint)l.LocalEndpoint).Port;
        l.Stop();
        var (code, _, stderr) = await Run(["--base-url", $"http://127.0.0.1:{port}", "--max-retries", "0"],
            new() { ["ANTHROPIC_API_KEY"] = Secret });
        Assert.Equal(1, code);
        Assert.Contains("\nbatchtui list: no response connection_error: ", stderr);
        Assert.DoesNotContain(Secret, stderr);
    }

    [Theory]
    [InlineData(new[] { "--limit", "0" }, "--limit '0' must be a whole number between 1 and 1000")]
    [InlineData(new[] { "--limit" }, "--limit needs a value")]
    [InlineData(new[] { "--after", "a", "--before", "b" }, "use --after or --before, not both")]
    [InlineData(new[] { "--bogus" }, "unknown argument '--bogus'")]
    [InlineData(new[] { "--page-size", "5000" }, "pageSize 5000 (from --page-size) must be between 1 and 1000")]
    public async Task Bad_arguments_explain_themselves_with_exit_code_2(string[] args, string message)
    {
        var (code, stdout, stderr) = await Run(args);
        Assert.Equal(2, code);
        Assert.Equal("", stdout);
        Assert.Contains(message, stderr);
    }
}
