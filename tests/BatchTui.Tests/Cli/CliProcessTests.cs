using BatchTui.Core.Api;
using BatchTui.Simulator;
using BatchTui.Tests.EndToEnd;
using BatchTui.Tests.Results;
using BatchTui.Tests.Support;
using System.Diagnostics;
using System.Text.Json;
using Xunit.Abstractions;

namespace BatchTui.Tests.Cli;

/// <summary>
/// Every new command as its own process (<c>dotnet batchtui.dll …</c>, stdout and stderr piped) against
/// <c>batchtui simulate</c> running as another process, configured through the environment as a script would be.
/// </summary>
public sealed class CliProcessTests(ITestOutputHelper output) : IAsyncLifetime
{
    private SimulatorProcess _sim = null!;
    private TempFolder _home = null!;

    public async Task InitializeAsync()
    {
        _home = new TempFolder();
        _sim = await SimulatorProcess.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _sim.DisposeAsync();
        _home.Dispose();
    }

    private Dictionary<string, string?> Env(bool beta = false)
    {
        var env = new Dictionary<string, string?>
        {
            ["ANTHROPIC_API_KEY"] = _sim.Key,
            ["ANTHROPIC_BASE_URL"] = _sim.BaseUrl.ToString(),
            ["HOME"] = _home.Path,
            ["XDG_CACHE_HOME"] = Path.Combine(_home.Path, ".cache"),
            ["XDG_STATE_HOME"] = Path.Combine(_home.Path, ".state"),
            ["XDG_CONFIG_HOME"] = Path.Combine(_home.Path, ".config"),
        };
        if (beta) env["BATCHTUI_BETAS"] = "message-batches-2024-09-24";
        return env;
    }

    private async Task<CliRun> Run(bool beta, params string[] args)
    {
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true };
        psi.ArgumentList.Add(TmuxApp.AppDll);
        foreach (string a in args) psi.ArgumentList.Add(a);
        foreach (string k in new[] { "ANTHROPIC_API_KEY", "ANTHROPIC_BASE_URL", "BATCHTUI_CONFIG", "BATCHTUI_PROFILE", "BATCHTUI_BETAS", "TMUX" }) psi.Environment.Remove(k);
        foreach (var (k, v) in Env(beta)) psi.Environment[k] = v;
        using Process p = Process.Start(psi)!;
        p.StandardInput.Close();
        using var stdout = new MemoryStream();
        Task copy = p.StandardOutput.BaseStream.CopyToAsync(stdout);
        Task<string> err = p.StandardError.ReadToEndAsync();
        using var bound = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await p.WaitForExitAsync(bound.Token);
        await copy;
        var run = new CliRun(p.ExitCode, stdout.ToArray(), await err);
        output.WriteLine($"$ batchtui {string.Join(' ', args)}{(beta ? "  (beta)" : "")}\n{run}");
        return run;
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Get_results_cancel_delete_watch_piped_in_both_namespaces(bool beta)
    {
        List<MessageBatch> all = await _sim.AllBatchesAsync();
        MessageBatch ended = all.First(b => b.Status == BatchStatus.Ended && b.ArchivedAt is null && b.Counts.Total < 2000);
        MessageBatch running = all.Last(b => b.Status == BatchStatus.InProgress);

        CliRun get = await Run(beta, "get", ended.Id);
        Assert.Equal(0, get.Code);
        Assert.Equal(ended.Id, JsonDocument.Parse(get.Out).RootElement.GetProperty("id").GetString());
        Assert.Contains(beta ? "(beta: message-batches-2024-09-24)" : $"profile default at {_sim.BaseUrl}", get.Err);
        Assert.DoesNotContain(_sim.Key, get.Out + get.Err);

        CliRun results = await Run(beta, "results", ended.Id);
        Assert.Equal(0, results.Code);
        Assert.Equal(ended.Counts.Total - ended.Counts.Processing, CliWorld.Lines(results.Out).Length);

        CliRun notEnded = await Run(beta, "results", running.Id);
        Assert.Equal(6, notEnded.Code);
        Assert.Equal("", notEnded.Out);

        CliRun refused = await Run(beta, "delete", running.Id, "--yes", "--max-retries", "0");
        Assert.Equal(3, refused.Code);
        Assert.Matches(@"400 invalid_request_error: .+ \(request-id req_\w+\)", refused.Err);

        CliRun notConfirmed = await Run(beta, "cancel", running.Id);
        Assert.Equal(4, notConfirmed.Code);

        CliRun unknown = await Run(beta, "watch", "msgbatch_nope");
        Assert.Equal(5, unknown.Code);
        Assert.Matches(@"msgbatch_nope  404 not_found_error: .+ \(request-id req_\w+\)", unknown.Err);

        CliRun watchEnded = await Run(beta, "watch", ended.Id, "--format", "jsonl");
        Assert.Equal(ended.Counts.Errored + ended.Counts.Expired > 0 ? 7 : ended.Counts.Canceled > 0 ? 8 : 0, watchEnded.Code);
        Assert.Equal(ended.Id, JsonDocument.Parse(watchEnded.Out).RootElement.GetProperty("id").GetString());
    }

    [Fact]
    public async Task Network_down_and_bad_key_are_exit_1_and_usage_is_exit_2()
    {
        var env = Env();
        CliRun usage = await Run(false, "results");
        Assert.Equal(2, usage.Code);
        Assert.Equal("", usage.Out);

        var l = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        l.Start();
        int port = ((System.Net.IPEndPoint)l.LocalEndpoint).Port;
        l.Stop();
        CliRun down = await Run(false, "get", "msgbatch_x", "--base-url", $"http://127.0.0.1:{port}", "--max-retries", "0");
        Assert.Equal(1, down.Code);
        Assert.Contains("no response connection_error", down.Err);
    }
}
