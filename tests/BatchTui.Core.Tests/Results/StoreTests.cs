using BatchTui.Core.Api;
using BatchTui.Core.Results.Index;
using BatchTui.Core.Results.Query;
using BatchTui.Core.Results.Store;
using BatchTui.Core.Tests.Api;

namespace BatchTui.Core.Tests.Results;

/// <summary>The results store against the simulator over loopback HTTP, through the real service layer.</summary>
public class StoreTests
{
    private static async Task<MessageBatch> EndedBatchAsync(World host)
    {
        List<MessageBatch> all = await host.AllBatchesAsync();
        return all.Where(b => b.ResultsAvailable && b.Counts.Total >= 20).OrderBy(b => b.Counts.Total).First();
    }

    private sealed class Recorder : IProgress<DownloadProgress>
    {
        public List<DownloadProgress> Reports { get; } = [];
        public void Report(DownloadProgress value) { lock (Reports) Reports.Add(value); }
    }

    [Fact]
    public async Task Downloads_once_then_opens_from_cache_offline_and_the_index_matches_the_counts()
    {
        using var dir = new TempDir();
        MessageBatch batch;
        CachedResults first;
        var store = new ResultsStore(dir.Path);
        Uri origin;
        await using (World host = await World.StartAsync(retries: 4))
        {
            origin = host.Api.BaseUrl;
            batch = await EndedBatchAsync(host);
            var progress = new Recorder();
            first = await store.GetAsync(host.Api, batch, progress);
            Assert.False(first.FromCache);
            Assert.Equal(Path.Combine(store.FolderFor(CacheScope.Of(host.Api)), batch.Id + ".jsonl"), first.Path);
            Assert.Equal(batch.Counts.Total, first.Lines);
            Assert.Null(first.LineCountMismatch);
            DownloadProgress done = progress.Reports.Last();
            Assert.True(done.Done);
            Assert.Equal((new FileInfo(first.Path).Length, batch.Counts.Total), (done.Bytes, done.Lines));
            Assert.Empty(Directory.GetFiles(dir.Path, "*.tmp", SearchOption.AllDirectories));

            using ResultsIndex index = ResultsIndex.Build(first.Path);
            Assert.Equal(batch.Counts.Total, index.Count);
            Assert.Empty(CountCheck.Compare(batch.Counts, ResultsSummary.Of(index)));
            Assert.Equal(0, ResultsSummary.Of(index).Unparseable);

            // Deleted on the server: still readable here.
            await host.Api.DeleteAsync(batch.Id);
        }
        // The server is gone: the cache answers without any call.
        CachedResults again = await new ResultsStore(dir.Path).GetAsync(new UnreachableApi(origin), batch);
        Assert.True(again.FromCache);
        Assert.Equal(first.Bytes, again.Bytes);
        Assert.Equal(batch.Counts, again.Expected);
        Assert.Equal(first.Lines, again.Lines);
        Assert.Equal([batch.Id], store.CachedBatchIds(new CacheScope(origin)));
    }

    [Fact]
    public async Task A_truncated_download_leaves_no_file_and_a_retry_works()
    {
        using var dir = new TempDir();
        await using World host = await World.StartAsync(retries: 4);
        MessageBatch batch = await EndedBatchAsync(host);
        var store = new ResultsStore(dir.Path);
        host.Sim.Chaos.TruncateNextResults(1);
        var e = await Assert.ThrowsAsync<ResultsDownloadException>(() => store.GetAsync(host.Api, batch));
        Assert.StartsWith($"the download of {batch.Id} ", e.Message);
        Assert.EndsWith("Nothing was cached; try again.", e.Message);
        Assert.False(store.IsCached(CacheScope.Of(host.Api), batch.Id));
        Assert.Empty(Directory.GetFiles(dir.Path, "*", SearchOption.AllDirectories));

        CachedResults retry = await store.GetAsync(host.Api, batch);
        Assert.False(retry.FromCache);
        Assert.Equal(batch.Counts.Total, retry.Lines);
        using ResultsIndex index = ResultsIndex.Build(retry.Path);
        Assert.Equal(0, ResultsSummary.Of(index).Unparseable);
    }

    [Fact]
    public async Task A_canceled_download_leaves_no_file()
    {
        using var dir = new TempDir();
        await using World host = await World.StartAsync(retries: 4);
        MessageBatch batch = await EndedBatchAsync(host);
        var store = new ResultsStore(dir.Path);
        using var cts = new CancellationTokenSource();
        cts.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => store.GetAsync(host.Api, batch, ct: cts.Token));
        Assert.Empty(Directory.GetFiles(dir.Path, "*", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task Archived_batch_without_cache_is_an_api_error_and_unended_batch_is_refused()
    {
        using var dir = new TempDir();
        await using World host = await World.StartAsync(retries: 4);
        List<MessageBatch> all = await host.AllBatchesAsync();
        var store = new ResultsStore(dir.Path);
        MessageBatch archived = all.First(b => b.ArchivedAt is not null);
        var e = await Assert.ThrowsAsync<BatchApiException>(() => store.GetAsync(host.Api, archived));
        Assert.NotNull(e.RequestId);
        MessageBatch running = all.First(b => b.Status == BatchStatus.InProgress);
        await Assert.ThrowsAsync<InvalidOperationException>(() => store.GetAsync(host.Api, running));
        Assert.Empty(Directory.GetFiles(dir.Path, "*", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task A_count_mismatch_is_reported()
    {
        using var dir = new TempDir();
        await using World host = await World.StartAsync(retries: 4);
        MessageBatch batch = await EndedBatchAsync(host);
        // The batch as the caller last saw it claims one more succeeded request than the file holds.
        MessageBatch claimed = batch with { Counts = batch.Counts with { Succeeded = batch.Counts.Succeeded + 1 } };
        CachedResults got = await new ResultsStore(dir.Path).GetAsync(host.Api, claimed);
        Assert.Equal($"the batch reports {batch.Counts.Total + 1:N0} results but the file has {batch.Counts.Total:N0} lines", got.LineCountMismatch);
        using ResultsIndex index = ResultsIndex.Build(got.Path);
        Assert.Contains($"succeeded: batch says {claimed.Counts.Succeeded:N0}, file has {batch.Counts.Succeeded:N0}", CountCheck.Compare(claimed.Counts, ResultsSummary.Of(index)));
    }

    [Fact]
    public void Cache_directory_follows_xdg_then_home_and_ids_cannot_escape_it()
    {
        Assert.Equal("/x/cache/batchtui/results", CacheDirectory.Resolve(n => n == "XDG_CACHE_HOME" ? "/x/cache" : null, "/home/u"));
        Assert.Equal("/home/u/.cache/batchtui/results", CacheDirectory.Resolve(_ => null, "/home/u"));
        Assert.Equal("/home/u/.cache/batchtui/results", CacheDirectory.Resolve(_ => "relative/dir", "/home/u"));
        var store = new ResultsStore("/tmp/x");
        var scope = new CacheScope(new Uri("https://api.anthropic.com"));
        Assert.Throws<UnusableBatchIdException>(() => store.PathFor(scope, "../../etc/passwd"));
        Assert.Throws<UnusableBatchIdException>(() => store.PathFor(scope, ""));
    }

    /// <summary>An API that fails every call: proves the cached path makes none.</summary>
    private sealed class UnreachableApi(Uri? baseUrl = null) : IBatchesApi
    {
        public Uri BaseUrl => baseUrl ?? new("http://127.0.0.1:9");
        private static Exception Fail() => new BatchApiException(null, "connection_error", "unreachable", null);
        public Task<BatchPage> ListAsync(PageRequest request, CancellationToken ct = default) => throw Fail();
        public Task<MessageBatch> GetAsync(string batchId, CancellationToken ct = default) => throw Fail();
        public Task<MessageBatch> CreateAsync(BatchCreateRequest request, CancellationToken ct = default) => throw Fail();
        public Task<MessageBatch> CancelAsync(string batchId, CancellationToken ct = default) => throw Fail();
        public Task<string> DeleteAsync(string batchId, CancellationToken ct = default) => throw Fail();
        public Task<Stream> OpenResultsAsync(string batchId, CancellationToken ct = default) => throw Fail();
        public IAsyncEnumerable<ReadOnlyMemory<byte>> ResultLinesAsync(string batchId, CancellationToken ct = default) => throw Fail();
    }
}
