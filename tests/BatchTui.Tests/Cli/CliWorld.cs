using BatchTui.Cli;
using BatchTui.Core.Api;
using BatchTui.Simulator;
using BatchTui.Tests.EndToEnd;
using BatchTui.Tests.Results;
using Microsoft.Extensions.Time.Testing;
using System.Diagnostics;
using System.Text;

namespace BatchTui.Tests.Cli;

/// <summary>What one command run left: exit code, stdout (bytes and text), stderr.</summary>
internal sealed record CliRun(int Code, byte[] OutBytes, string Err)
{
    public string Out => Encoding.UTF8.GetString(OutBytes);
    public override string ToString() => $"exit {Code}\n--- stdout\n{Out}\n--- stderr\n{Err}";
}

/// <summary>
/// A simulator on loopback (on a fake clock when asked) and a private HOME / XDG dirs; runs the CLI in process
/// (<see cref="Run"/>, stdout captured as bytes, a terminal or not) or as its own process (<see cref="RunProcess"/>,
/// <c>dotnet batchtui.dll</c>, stdout and stderr piped), configured through the environment like a script would.
/// </summary>
internal sealed class CliWorld : IAsyncDisposable
{
    public const string Key = "sk-ant-api03-cli-world-SECRET-99";
    private readonly TempFolder _home = new();

    private CliWorld(SimulatorServer sim, FakeTimeProvider? clock)
    {
        Sim = sim;
        Clock = clock;
        Api = new AnthropicBatchesApi(new BatchesApiSettings { BaseUrl = sim.BaseUrl, ApiKey = new ApiKey(Key), MaxRetries = 0 });
    }

    public SimulatorServer Sim { get; }
    public FakeTimeProvider? Clock { get; }
    public AnthropicBatchesApi Api { get; }
    public string Home => _home.Path;
    public string NoConfig => Path.Combine(Home, "no-config.json");
    public string CacheDir => Path.Combine(Home, ".cache", "batchtui", "results");

    /// <summary>The cache folder of this world's simulator (the cache is keyed by API origin, then id).</summary>
    public string ScopeDir => Path.Combine(CacheDir, new BatchTui.Core.Results.Store.CacheScope(Sim.BaseUrl).FolderName);

    public static async Task<CliWorld> StartAsync(bool seedWorld = false, bool large = false, FakeTimeProvider? clock = null,
        double createdErrorRate = 0.05, TimeSpan? createdDuration = null)
    {
        var sim = await SimulatorServer.StartAsync(new SimulatorOptions
        {
            Port = 0,
            ApiKey = Key,
            SeedWorld = seedWorld,
            IncludeLargeBatch = large,
            Time = clock ?? TimeProvider.System,
            CreatedErrorRate = createdErrorRate,
            CreatedBatchDuration = createdDuration ?? TimeSpan.FromMinutes(10),
            CancelDelay = TimeSpan.FromSeconds(30),
        });
        return new CliWorld(sim, clock);
    }

    public Dictionary<string, string?> Env => new()
    {
        ["ANTHROPIC_API_KEY"] = Key,
        ["ANTHROPIC_BASE_URL"] = Sim.BaseUrl.ToString(),
        ["HOME"] = Home,
        ["XDG_CACHE_HOME"] = Path.Combine(Home, ".cache"),
        ["XDG_STATE_HOME"] = Path.Combine(Home, ".local", "state"),
        ["XDG_CONFIG_HOME"] = Path.Combine(Home, ".config"),
    };

    public async Task<CliRun> Run(string[] args, string input = "", bool terminal = false, Dictionary<string, string?>? env = null,
        TimeProvider? time = null, CancellationToken ct = default)
    {
        using var stdout = new MemoryStream();
        var stderr = new StringWriter();
        var io = CliIo.Capture(stdout, stderr, env ?? Env, input, terminal, time, NoConfig);
        int code = await CliApp.RunAsync(args, io, ct);
        return new CliRun(code, stdout.ToArray(), stderr.ToString());
    }

    public Task<CliRun> Run(params string[] args) => Run(args, "");

    /// <summary>The built app as its own process, stdin/stdout/stderr piped; the key only in the environment.</summary>
    public async Task<CliRun> RunProcess(string[] args, Dictionary<string, string?>? env = null, Action<Process>? whileRunning = null)
    {
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true };
        psi.ArgumentList.Add(TmuxApp.AppDll);
        foreach (string a in args) psi.ArgumentList.Add(a);
        foreach (string k in new[] { "ANTHROPIC_API_KEY", "ANTHROPIC_BASE_URL", "BATCHTUI_CONFIG", "BATCHTUI_PROFILE", "TMUX" }) psi.Environment.Remove(k);
        psi.Environment["DOTNET_NOLOGO"] = "1";
        foreach (var (k, v) in env ?? Env) psi.Environment[k] = v;
        using Process p = Process.Start(psi)!;
        p.StandardInput.Close();
        using var stdout = new MemoryStream();
        Task copy = p.StandardOutput.BaseStream.CopyToAsync(stdout);
        Task<string> err = p.StandardError.ReadToEndAsync();
        whileRunning?.Invoke(p);
        using var bound = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await p.WaitForExitAsync(bound.Token);
        await copy;
        return new CliRun(p.ExitCode, stdout.ToArray(), await err);
    }

    public Task<CliRun> RunProcess(params string[] args) => RunProcess(args, null);

    /// <summary>A batch created through the API with <paramref name="n"/> requests.</summary>
    public Task<MessageBatch> CreateAsync(int n = 3, string prefix = "row") =>
        Api.CreateAsync(new BatchCreateRequest(Enumerable.Range(1, n).Select(i => new BatchRequestItem($"{prefix}-{i}",
            System.Text.Json.JsonDocument.Parse("""{"model":"claude-sonnet-4-6","max_tokens":64,"messages":[{"role":"user","content":"hi"}]}""").RootElement)).ToList()));

    public string RequestsFile(int n, string prefix = "row")
    {
        string path = Path.Combine(Home, $"reqs-{Guid.NewGuid():N}.jsonl");
        File.WriteAllLines(path, Enumerable.Range(1, n).Select(i =>
            $$$"""{"custom_id":"{{{prefix}}}-{{{i}}}","params":{"model":"claude-sonnet-4-6","max_tokens":64,"messages":[{"role":"user","content":"Say hi {{{i}}}"}]}}"""));
        return path;
    }

    public static string[] Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToArray();

    public async ValueTask DisposeAsync()
    {
        Api.Dispose();
        await Sim.DisposeAsync();
        _home.Dispose();
    }
}
