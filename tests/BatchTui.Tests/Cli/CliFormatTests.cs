using BatchTui.Cli;
using System.Text.Json;

namespace BatchTui.Tests.Cli;

/// <summary>stdout holds data only for list and create; help and the exit-code table; completions.</summary>
public sealed class CliFormatTests : IAsyncLifetime
{
    private CliWorld _w = null!;

    public async Task InitializeAsync() => _w = await CliWorld.StartAsync(seedWorld: true);
    public async Task DisposeAsync() => await _w.DisposeAsync();

    [Fact]
    public async Task List_piped_is_json_for_jq_with_the_profile_line_on_stderr()
    {
        CliRun r = await _w.Run("list", "--limit", "3");
        Assert.Equal(0, r.Code);
        using var doc = JsonDocument.Parse(r.Out);
        Assert.Equal(3, doc.RootElement.GetProperty("data").GetArrayLength());
        Assert.StartsWith("profile default at", r.Err);

        CliRun jsonl = await _w.Run("list", "--limit", "3", "--format", "jsonl");
        Assert.All(CliWorld.Lines(jsonl.Out), l => Assert.StartsWith("msgbatch_", JsonDocument.Parse(l).RootElement.GetProperty("id").GetString()));

        CliRun table = await _w.Run(["list", "--limit", "3"], terminal: true);
        Assert.Matches(@"^ID\s+STATUS", table.Out);
    }

    [Fact]
    public async Task Create_format_json_prints_the_created_batch()
    {
        CliRun r = await _w.Run("create", _w.RequestsFile(3), "--yes", "--format", "json");
        Assert.True(r.Code == 0, r.ToString());
        using var doc = JsonDocument.Parse(r.Out);
        Assert.Equal("in_progress", doc.RootElement.GetProperty("processing_status").GetString());
        Assert.Equal(3, doc.RootElement.GetProperty("request_counts").GetProperty("processing").GetInt32());
        Assert.Equal(2, (await _w.Run("create", _w.RequestsFile(1), "--yes", "--format", "yaml")).Code);
    }

    [Fact]
    public async Task Help_lists_every_command_and_the_one_exit_code_table()
    {
        CliRun r = await _w.Run("--help");
        Assert.Equal(0, r.Code);
        foreach (string c in new[] { "list", "get", "results", "watch", "cancel", "delete", "create", "retry", "open", "simulate", "completion" })
            Assert.Contains($"batchtui {c}", r.Out);
        foreach (var (code, meaning) in CliExit.Rows) Assert.Contains($"{code,3}  {meaning}", r.Out);

        CliRun sub = await _w.Run("results", "--help");
        Assert.Equal(0, sub.Code);
        Assert.Contains("--stop-reason", sub.Out);
        Assert.Contains(" results <ID> [options]", sub.Out); // (the root's name is the host's here: testhost)
        Assert.Contains("  <ID>  ", sub.Out); // not the ids completion would offer
        Assert.Contains("Exit codes: 0 printed, 5 unknown batch (404), 6 not ended", sub.Out.ReplaceLineEndings(" ").Replace("  ", " "));
    }

    [Fact]
    public async Task Completion_offers_commands_flags_profiles_and_batch_ids_from_cache_and_last_list()
    {
        string config = Path.Combine(_w.Home, ".config", "batchtui", "config.json");
        Directory.CreateDirectory(Path.GetDirectoryName(config)!);
        File.WriteAllText(config, """{"profiles":{"work":{},"local":{}}}""");
        var env = _w.Env;
        env["BATCHTUI_CONFIG"] = config;

        async Task<string[]> Complete(params string[] words) => CliWorld.Lines((await _w.Run(["__complete", "--", .. words], env: env)).Out);

        Assert.Contains("results", await Complete("re"));
        Assert.Contains("retry", await Complete("re"));
        Assert.DoesNotContain("list", await Complete("re"));
        Assert.Contains("--stop-reason", await Complete("results", "msgbatch_x", "--st"));
        Assert.Equal(["local"], await Complete("get", "--profile", "l"));
        Assert.Equal(["auto", "csv", "json", "jsonl", "parquet", "table", "text"], (await Complete("results", "x", "--format", "")).Order());
        Assert.Contains("export", await Complete("ex"));
        Assert.Contains("watch", await Complete(""));

        // Ids: none yet; then the ones the last list printed, and a cached one.
        Assert.Empty(await Complete("get", "msgbatch_"));
        CliRun listed = await _w.Run(["list", "--limit", "2", "--format", "jsonl"], env: env);
        string[] ids = CliWorld.Lines(listed.Out).Select(l => JsonDocument.Parse(l).RootElement.GetProperty("id").GetString()!).ToArray();
        Directory.CreateDirectory(_w.ScopeDir);
        File.WriteAllText(Path.Combine(_w.ScopeDir, "msgbatch_cached1.jsonl"), "");
        string[] offered = await Complete("watch", "msgbatch_");
        Assert.Contains(ids[0], offered);
        Assert.Contains(ids[1], offered);
        Assert.Contains("msgbatch_cached1", offered);

        foreach (string shell in new[] { "bash", "zsh", "fish" })
        {
            CliRun script = await _w.Run("completion", shell);
            Assert.Equal(0, script.Code);
            Assert.Contains("batchtui __complete --", script.Out);
        }
    }
}
