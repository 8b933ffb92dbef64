using BatchTui.Core.Api;
using BatchTui.Tests.Support;
using System.Diagnostics;
using System.Text.RegularExpressions;

namespace BatchTui.Tests.EndToEnd;

/// <summary>
/// <c>batchtui simulate</c> as its own process on a free port, with a key of the test's choosing passed through the
/// environment (never on a command line), and a service-layer client to check the server's side of a story.
/// </summary>
internal sealed partial class SimulatorProcess : IAsyncDisposable
{
    public const string KeyVariable = "BATCHTUI_E2E_KEY";
    private readonly Process _process;
    private readonly AnthropicBatchesApi _api;

    private SimulatorProcess(Process process, Uri baseUrl, string key)
    {
        _process = process;
        BaseUrl = baseUrl;
        Key = key;
        _api = new AnthropicBatchesApi(new BatchesApiSettings { BaseUrl = baseUrl, ApiKey = new ApiKey(key), MaxRetries = 0 });
    }

    public Uri BaseUrl { get; }
    public string Key { get; }
    public IBatchesApi Api => _api;

    public static async Task<SimulatorProcess> StartAsync()
    {
        string key = "sk-ant-e2e-" + Guid.NewGuid().ToString("N");
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (string a in new[] { TmuxApp.AppDll, "simulate", "--port", "0", "--key-env", KeyVariable, "--quiet", "--no-large-batch" })
            psi.ArgumentList.Add(a);
        psi.Environment[KeyVariable] = key;
        Process p = Process.Start(psi)!;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (await p.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
        {
            Match m = Banner().Match(line);
            if (m.Success) return new SimulatorProcess(p, new Uri(m.Groups[1].Value + "/"), key);
        }
        string err = await p.StandardError.ReadToEndAsync();
        throw new InvalidOperationException($"the simulator did not start: {err}");
    }

    public Task<List<MessageBatch>> AllBatchesAsync() => Api.AllBatchesAsync();

    public async ValueTask DisposeAsync()
    {
        _api.Dispose();
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
    }

    [GeneratedRegex(@"simulator on (http://127\.0\.0\.1:\d+)")]
    private static partial Regex Banner();
}
