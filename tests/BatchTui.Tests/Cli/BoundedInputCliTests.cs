using BatchTui.Cli;
using BatchTui.Core.Api;
using BatchTui.Simulator;
using BatchTui.Tests.Results;
using Microsoft.Extensions.Time.Testing;
using System.Diagnostics;

namespace BatchTui.Tests.Cli;

/// <summary>
/// The commands on input with no size or no end, as a user types them: <c>open</c> on a FIFO and a directory,
/// <c>create /dev/zero</c>, a 300 MB requests file, <c>--config /dev/zero</c>. Each ends with a clear message and
/// reads no more than its cap.
/// </summary>
[Collection("Results UI")]
public sealed class BoundedInputCliTests : IAsyncLifetime
{
    private const string Key = "sk-ant-api03-bounded-input-7";
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

    private Dictionary<string, string?> Env => new()
    {
        ["ANTHROPIC_API_KEY"] = Key,
        ["ANTHROPIC_BASE_URL"] = _sim.BaseUrl.ToString(),
        ["XDG_STATE_HOME"] = Path.Combine(_dir.Path, "state"),
    };

    private async Task<(int Code, string Out, string Err)> Create(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var console = new CliConsole(stdout, stderr, new StringReader(""), false);
        int code = await CreateCommand.RunAsync(args, console, Env, Path.Combine(_dir.Path, "no-config.json"), null, CancellationToken.None);
        return (code, stdout.ToString(), stderr.ToString());
    }

    private static async Task<(int Code, string Out, string Err)> Open(params string[] args)
    {
        TextWriter stdout = Console.Out, stderr = Console.Error;
        var o = new StringWriter();
        var e = new StringWriter();
        Console.SetOut(o);
        Console.SetError(e);
        try
        {
            int code = await CommandRouter.RunAsync(["open", .. args]);
            return (code, o.ToString(), e.ToString());
        }
        finally
        {
            Console.SetOut(stdout);
            Console.SetError(stderr);
        }
    }

    [Fact]
    public async Task Open_reads_a_fifo_as_open_of_a_process_substitution_does()
    {
        if (OperatingSystem.IsWindows()) return;
        string fifo = Path.Combine(_dir.Path, "results.fifo");
        using (var p = Process.Start(new ProcessStartInfo("mkfifo", [fifo]) { UseShellExecute = false })!) p.WaitForExit();
        string content = ResultsFixtures.Errored("a", "api_error", "boom") + "\n" + """{"custom_id":"b","result":{"type":"expired"}}""" + "\n";
        Task writer = Task.Run(async () =>
        {
            await using var w = new FileStream(fifo, FileMode.Open, FileAccess.Write, FileShare.ReadWrite);
            await w.WriteAsync(System.Text.Encoding.UTF8.GetBytes(content));
        });
        var (code, stdout, stderr) = await Open(fifo, "--summary");
        await writer.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal("", stderr);
        Assert.Equal(0, code);
        Assert.StartsWith("2 results: 1 errored · 1 expired\n", stdout.Replace("\r\n", "\n"));
    }

    [Fact]
    public async Task Open_on_a_directory_says_it_is_one()
    {
        var (code, stdout, stderr) = await Open(_dir.Path, "--summary");
        Assert.Equal(1, code);
        Assert.Equal("", stdout);
        Assert.Equal($"batchtui open: {_dir.Path} is a directory: open takes a results .jsonl file\n", stderr.Replace("\r\n", "\n"));
    }

    [Fact]
    public async Task Create_dev_zero_is_refused_at_the_body_limit_and_sends_nothing()
    {
        if (!File.Exists("/dev/zero")) return;
        var (code, stdout, stderr) = await Create("/dev/zero", "--yes");
        Assert.Equal(CreateFlow.Usage, code);
        Assert.Equal("", stdout);
        Assert.Contains("the requests file is over the 256 MB limit (reading stopped there): a batch holds at most that much; split the requests into smaller batches", stderr);
        Assert.Empty((await _api.ListAsync(new PageRequest(10))).Data);
    }

    [Fact]
    public async Task Create_with_a_300_MB_requests_file_is_refused_by_its_size_before_reading_it()
    {
        string file = Path.Combine(_dir.Path, "big.jsonl");
        using (var f = new FileStream(file, FileMode.CreateNew)) f.SetLength(300L << 20); // sparse
        var (code, _, stderr) = await Create(file, "--yes");
        Assert.Equal(CreateFlow.Usage, code);
        Assert.Contains("the requests file is 300 MB, over the 256 MB limit", stderr);
        Assert.Empty((await _api.ListAsync(new PageRequest(10))).Data);
    }

    [Fact]
    public async Task A_config_of_dev_zero_is_refused_at_the_config_cap()
    {
        if (!File.Exists("/dev/zero")) return;
        string file = Path.Combine(_dir.Path, "r.jsonl");
        File.WriteAllText(file, "");
        var (code, _, stderr) = await Create(file, "--yes", "--config", "/dev/zero");
        Assert.Equal(CreateFlow.Usage, code);
        Assert.Equal("batchtui create: config file /dev/zero is over the 1 MB limit (reading stopped there)\n", stderr.Replace("\r\n", "\n"));
    }
}
