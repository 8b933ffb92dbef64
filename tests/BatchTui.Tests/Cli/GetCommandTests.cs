using BatchTui.Core.Api;
using BatchTui.Tests.Support;
using System.Text.Json;

namespace BatchTui.Tests.Cli;

/// <summary><c>batchtui get</c> in process against the simulator: every format, both namespaces, every error class.</summary>
public sealed class GetCommandTests : IAsyncLifetime
{
    private CliWorld _w = null!;

    public async Task InitializeAsync() => _w = await CliWorld.StartAsync(seedWorld: true);
    public async Task DisposeAsync() => await _w.DisposeAsync();

    private async Task<MessageBatch> Any(BatchStatus status) =>
        (await _w.Api.AllBatchesAsync()).First(b => b.Status == status && b.ArchivedAt is null);

    [Fact]
    public async Task Piped_it_prints_the_api_object_as_json_and_names_the_connection_on_stderr()
    {
        MessageBatch b = await Any(BatchStatus.Ended);
        CliRun r = await _w.Run("get", b.Id);
        Assert.Equal(0, r.Code);
        using var doc = JsonDocument.Parse(r.Out);
        Assert.Equal(b.Id, doc.RootElement.GetProperty("id").GetString());
        Assert.Equal("ended", doc.RootElement.GetProperty("processing_status").GetString());
        Assert.Equal(b.Counts.Succeeded, doc.RootElement.GetProperty("request_counts").GetProperty("succeeded").GetInt64());
        Assert.StartsWith($"profile default at {_w.Sim.BaseUrl}", r.Err);
        Assert.DoesNotContain(CliWorld.Key, r.Out + r.Err);
    }

    [Fact]
    public async Task On_a_terminal_it_shows_status_five_timestamps_absolute_and_relative_and_counts()
    {
        MessageBatch b = await Any(BatchStatus.Ended);
        CliRun r = await _w.Run(["get", b.Id], terminal: true);
        Assert.Equal(0, r.Code);
        string[] lines = CliWorld.Lines(r.Out);
        Assert.Equal($"{b.Id}  ended", lines[0]);
        Assert.Contains($"{b.Counts.Succeeded:N0} succeeded, {b.Counts.Errored:N0} errored", lines[1]);
        foreach (string field in new[] { "created_at", "expires_at", "ended_at" })
            Assert.Matches($@"^  {field}\s+\d{{4}}-\d\d-\d\d \d\d:\d\d:\d\d UTC  \((in )?\d+[smhd].*\)$", lines.Single(l => l.TrimStart().StartsWith(field + " ")));
        Assert.Matches(@"^  cancel_initiated_at -$", lines.Single(l => l.Contains("cancel_initiated_at")));
        Assert.Matches(@"^  archived_at\s+-$", lines.Single(l => l.Contains("archived_at")));
        Assert.DoesNotContain("profile default", r.Out);
    }

    [Fact]
    public async Task Several_ids_are_an_array_in_json_and_one_line_each_in_jsonl()
    {
        var all = await _w.Api.AllBatchesAsync();
        CliRun json = await _w.Run("get", all[0].Id, all[1].Id, "--format", "json");
        using var doc = JsonDocument.Parse(json.Out);
        Assert.Equal([all[0].Id, all[1].Id], doc.RootElement.EnumerateArray().Select(e => e.GetProperty("id").GetString()!).ToArray());
        CliRun jsonl = await _w.Run("get", all[0].Id, all[1].Id, "--format", "jsonl");
        string[] lines = CliWorld.Lines(jsonl.Out);
        Assert.Equal(2, lines.Length);
        Assert.Equal(all[1].Id, JsonDocument.Parse(lines[1]).RootElement.GetProperty("id").GetString());
    }

    [Fact]
    public async Task An_unknown_id_is_exit_5_with_the_api_message_and_request_id_and_the_others_still_print()
    {
        MessageBatch b = await Any(BatchStatus.InProgress);
        CliRun r = await _w.Run("get", "msgbatch_nope", b.Id, "--format", "jsonl");
        Assert.Equal(5, r.Code);
        Assert.Matches(@"batchtui get: msgbatch_nope: 404 not_found_error: .*msgbatch_nope.* \(request-id req_\w+\)", r.Err);
        Assert.Equal(b.Id, JsonDocument.Parse(CliWorld.Lines(r.Out).Single()).RootElement.GetProperty("id").GetString());
    }

    [Fact]
    public async Task A_wrong_key_is_exit_1_with_the_401_line_and_no_key_anywhere()
    {
        var env = _w.Env;
        env["ANTHROPIC_API_KEY"] = "sk-ant-wrong-key-123456";
        CliRun r = await _w.Run(["get", "msgbatch_x"], env: env);
        Assert.Equal(1, r.Code);
        Assert.Matches(@"401 authentication_error: .* \(request-id req_\w+\)", r.Err);
        Assert.Equal("", r.Out);
        Assert.DoesNotContain("sk-ant-wrong-key-123456", r.Err);
    }

    [Fact]
    public async Task No_server_is_exit_1_with_a_connection_error()
    {
        var l = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        l.Start();
        int port = ((System.Net.IPEndPoint)l.LocalEndpoint).Port;
        l.Stop();
        var env = _w.Env;
        env["ANTHROPIC_BASE_URL"] = $"http://127.0.0.1:{port}";
        CliRun r = await _w.Run(["get", "msgbatch_x", "--max-retries", "0"], env: env);
        Assert.Equal(1, r.Code);
        Assert.Contains("batchtui get: msgbatch_x: no response connection_error", r.Err);
    }

    [Fact]
    public async Task The_beta_namespace_from_the_config_answers_the_same_batch()
    {
        MessageBatch b = await Any(BatchStatus.Ended);
        string config = Path.Combine(_w.Home, "config.json");
        File.WriteAllText(config, "{\"profile\":\"b\",\"profiles\":{\"b\":{\"baseUrl\":\"" + _w.Sim.BaseUrl + "\",\"betas\":[\"message-batches-2024-09-24\"]}}}");
        CliRun r = await _w.Run("get", b.Id, "--config", config);
        Assert.Equal(0, r.Code);
        Assert.Contains("(beta: message-batches-2024-09-24)", r.Err);
        Assert.Equal(b.Id, JsonDocument.Parse(r.Out).RootElement.GetProperty("id").GetString());
    }

    [Fact]
    public async Task Bad_usage_is_exit_2_on_stderr_alone()
    {
        foreach (string[] args in new[] { new[] { "get" }, ["get", "x", "--format", "yaml"], ["get", "x", "--bogus"], ["frobnicate"], ["get", "x", "--page-size", "0"] })
        {
            CliRun r = await _w.Run(args);
            Assert.True(r.Code == 2, $"{string.Join(' ', args)}: {r}");
            Assert.Equal("", r.Out);
            Assert.StartsWith("batchtui", r.Err);
        }
    }
}
