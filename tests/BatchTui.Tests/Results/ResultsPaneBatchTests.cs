using BatchTui.Core.Api;
using BatchTui.Core.Results.Store;
using BatchTui.Simulator;
using BatchTui.Tests.Support;
using BatchTui.Tui.Results;
using Microsoft.Extensions.Time.Testing;
using Terminal.Gui.Input;

namespace BatchTui.Tests.Results;

/// <summary>The browser opened for a batch of the simulator over loopback HTTP: download, cache, offline reopen.</summary>
[Collection("Results UI")]
public class ResultsPaneBatchTests
{
    private const string Key = "sk-ant-results-ui-test-0123456789";

    private static async Task<(SimulatorServer Server, AnthropicBatchesApi Api)> StartAsync()
    {
        var server = await SimulatorServer.StartAsync(new SimulatorOptions
        {
            Port = 0,
            ApiKey = Key,
            Time = new FakeTimeProvider(new DateTimeOffset(2026, 12, 2, 8, 0, 0, TimeSpan.Zero)),
            IncludeLargeBatch = false,
        });
        var api = new AnthropicBatchesApi(new BatchesApiSettings { BaseUrl = server.BaseUrl, ApiKey = new ApiKey(Key), MaxRetries = 0 });
        return (server, api);
    }

    private static async Task<MessageBatch> EndedBatch(IBatchesApi api) =>
        (await api.AllBatchesAsync()).Where(b => b.ResultsAvailable && b.Counts.Total >= 20).OrderBy(b => b.Counts.Total).First();

    [Fact]
    public async Task Downloads_then_browses_and_reopens_from_the_cache_after_the_server_is_gone()
    {
        using var dir = new TempFolder();
        var store = new ResultsStore(dir.Path);
        MessageBatch batch;
        var (server, api) = await StartAsync();
        Uri origin = api.BaseUrl;
        await using (server)
        using (api)
        {
            batch = await EndedBatch(api);
            using var h = TuiDriver.With(shell => ResultsPane.ForBatch(shell, api, batch, store), origin, 120, 30, settle: false);
            var pane = (ResultsPane)h.Shell.Top!;
            Assert.Contains($"downloading the results of {batch.Id}", h.Screen());
            h.Settle(); // the download and the indexing are the shell's work
            Assert.True(pane.Ready.IsCompleted, "downloaded and indexed");
            string screen = h.Screen();
            Assert.Contains($"results {batch.Id} │ {batch.Counts.Total:N0} results:", screen);
            Assert.Contains($"{batch.Counts.Succeeded:N0} succeeded", screen);
            Assert.Contains($"indexed {batch.Counts.Total:N0} rows", screen);
            Assert.DoesNotContain("⚠", screen); // the counts agree with the batch
            Assert.True(store.IsCached(CacheScope.Of(api), batch.Id));
        }
        // The simulator is gone: the cached file opens with no call, marked as cached.
        using (var h = TuiDriver.With(shell => ResultsPane.ForBatch(shell, new UnreachableApi(origin), batch, store), origin, 120, 30))
        {
            Assert.True(((ResultsPane)h.Shell.Top!).Ready.IsCompleted, "opened from cache");
            string screen = h.Screen();
            Assert.Contains("cached ", screen);
            Assert.Contains("(readable offline)", screen);
            Assert.Contains($"{batch.Counts.Total:N0} results", screen);
        }
    }

    [Fact]
    public async Task A_broken_download_says_so_caches_nothing_and_R_retries()
    {
        using var dir = new TempFolder();
        var store = new ResultsStore(dir.Path);
        var (server, api) = await StartAsync();
        await using (server)
        using (api)
        {
            MessageBatch batch = await EndedBatch(api);
            server.Chaos.TruncateNextResults(1);
            using var h = TuiDriver.With(shell => ResultsPane.ForBatch(shell, api, batch, store), api.BaseUrl, 120, 30);
            var pane = (ResultsPane)h.Shell.Top!;
            Assert.True(pane.Ready.IsCompleted, "download failed");
            Assert.Contains("download failed (press R to retry):", h.Screen());
            Assert.True(h.Shell.LastFlash!.IsError);
            Assert.Contains("the download of", h.Shell.LastFlash.Text);
            Assert.False(store.IsCached(CacheScope.Of(api), batch.Id));
            Assert.Empty(Directory.GetFiles(dir.Path, "*", SearchOption.AllDirectories));

            h.Press(Terminal.Gui.Input.Key.R.WithShift);
            var retry = (ResultsPane)h.Shell.Top!;
            Assert.NotSame(pane, retry);
            Assert.True(retry.Ready.IsCompleted, "retry done");
            Assert.Contains($"indexed {batch.Counts.Total:N0} rows", h.Screen());
            Assert.True(store.IsCached(CacheScope.Of(api), batch.Id));
        }
    }
}
