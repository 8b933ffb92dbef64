using BatchTui.Core.Api;
using BatchTui.Core.Results.Store;
using BatchTui.Core.Tests.Api;
using BatchTui.Core.Tests.State;

namespace BatchTui.Core.Tests.Results;

/// <summary>
/// The results cache is keyed by API origin and id, private to its owner, and never hands back results saved for
/// other counts: against two simulators over loopback HTTP.
/// </summary>
public class CacheKeyingTests
{
    private const UnixFileMode Private = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private const UnixFileMode PrivateDir = Private | UnixFileMode.UserExecute;

    private static async Task<List<MessageBatch>> EndedAsync(World host) =>
        (await host.AllBatchesAsync()).Where(b => b.ResultsAvailable && b.Counts.Total >= 20).OrderBy(b => b.Counts.Total).ToList();

    [Fact]
    public async Task The_same_id_from_another_origin_is_downloaded_from_there_not_served_from_the_first_origins_cache()
    {
        using var dir = new TempDir();
        var store = new ResultsStore(dir.Path);
        await using World first = await World.StartAsync(retries: 4);
        await using World second = await World.StartAsync(retries: 4);
        List<MessageBatch> ended = await EndedAsync(first);
        MessageBatch a = ended[0];
        // The second origin hands out the same id for another batch (as two demo sessions did): a batch of other counts.
        MessageBatch other = (await EndedAsync(second)).First(b => b.Counts.Total != a.Counts.Total);
        var alias = new AliasApi(second.Api, a.Id, other.Id);
        MessageBatch sameIdElsewhere = other with { Id = a.Id };

        CachedResults fromFirst = await store.GetAsync(first.Api, a);
        CachedResults fromSecond = await store.GetAsync(alias, sameIdElsewhere);

        Assert.False(fromSecond.FromCache);
        Assert.NotEqual(fromFirst.Path, fromSecond.Path);
        Assert.Equal(other.Counts.Total, fromSecond.Lines);
        Assert.Equal(a.Counts.Total, fromFirst.Lines);
        Assert.Equal([$"RESULTS {other.Id}"], alias.Calls);
        // Each origin reads back its own copy.
        Assert.Equal(fromFirst.Path, store.TryGetCurrent(CacheScope.Of(first.Api), a)!.Path);
        Assert.Equal(fromSecond.Path, store.TryGetCurrent(CacheScope.Of(alias), sameIdElsewhere)!.Path);
        Assert.NotEqual(CacheScope.Of(first.Api).FolderName, CacheScope.Of(second.Api).FolderName);
        Assert.NotEqual(new CacheScope(first.Api.BaseUrl, "wrkspc_a").FolderName, new CacheScope(first.Api.BaseUrl, "wrkspc_b").FolderName);
    }

    [Fact]
    public async Task Cached_results_saved_for_other_counts_are_downloaded_again_and_never_shown()
    {
        using var dir = new TempDir();
        var store = new ResultsStore(dir.Path);
        await using World host = await World.StartAsync(retries: 4);
        MessageBatch batch = (await EndedAsync(host))[0];
        // The cache holds results saved for a batch with this id but other counts (an earlier session's batch).
        MessageBatch earlier = batch with { Counts = batch.Counts with { Succeeded = batch.Counts.Succeeded + 5 } };
        CachedResults stale = await store.GetAsync(host.Api, earlier);
        Assert.Equal(earlier.Counts, stale.Expected);
        var scope = CacheScope.Of(host.Api);
        Assert.Null(store.TryGetCurrent(scope, batch));

        var counting = new AliasApi(host.Api, batch.Id, batch.Id);
        CachedResults fresh = await store.GetAsync(counting, batch);
        Assert.False(fresh.FromCache);
        Assert.Equal(batch.Counts, fresh.Expected);
        Assert.Equal([$"RESULTS {batch.Id}"], counting.Calls);
        Assert.StartsWith($"the cached copy was saved for {batch.Counts.Succeeded + 5:N0} succeeded", fresh.Note);
        Assert.EndsWith(": downloaded again", fresh.Note);
        // Now they agree: the cache answers with no call.
        CachedResults again = await store.GetAsync(counting, batch);
        Assert.True(again.FromCache);
        Assert.Single(counting.Calls);

        // Cached for other counts and no longer downloadable: refused, said so, not shown.
        MessageBatch archived = earlier with { Counts = batch.Counts with { Errored = batch.Counts.Errored + 1 }, ArchivedAt = DateTimeOffset.UnixEpoch };
        var e = await Assert.ThrowsAsync<ResultsDownloadException>(() => store.GetAsync(counting, archived));
        Assert.Contains($"the cached results of {batch.Id} do not belong to this batch", e.Message);
        Assert.EndsWith("and its results are archived: not shown", e.Message);
        Assert.Single(counting.Calls);
    }

    [Fact]
    public async Task The_cache_is_private_files_0600_in_folders_0700_and_a_shared_folder_from_before_is_tightened()
    {
        if (OperatingSystem.IsWindows()) return;
        using var dir = new TempDir();
        string root = Path.Combine(dir.Path, "cache", "batchtui", "results");
        Directory.CreateDirectory(root, PrivateDir | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
        var store = new ResultsStore(root);
        await using World host = await World.StartAsync(retries: 4);
        MessageBatch batch = (await EndedAsync(host))[0];
        CachedResults got = await store.GetAsync(host.Api, batch);

        string folder = store.FolderFor(CacheScope.Of(host.Api));
        Assert.Equal(PrivateDir, File.GetUnixFileMode(root));
        Assert.Equal(PrivateDir, File.GetUnixFileMode(folder));
        string[] files = Directory.GetFiles(folder);
        Assert.Equal(2, files.Length); // the results and their counts
        Assert.Contains(got.Path, files);
        foreach (string f in files) Assert.Equal(Private, File.GetUnixFileMode(f));
    }

    [Fact]
    public async Task A_fresh_cache_folder_is_created_private()
    {
        if (OperatingSystem.IsWindows()) return;
        using var dir = new TempDir();
        string root = Path.Combine(dir.Path, "fresh", "results");
        var store = new ResultsStore(root);
        await using World host = await World.StartAsync(retries: 4);
        await store.GetAsync(host.Api, (await EndedAsync(host))[0]);
        Assert.Equal(PrivateDir, File.GetUnixFileMode(root));
        Assert.Equal(PrivateDir, File.GetUnixFileMode(Path.Combine(dir.Path, "fresh")));
    }

    [Fact]
    public void A_demo_sessions_cache_is_a_private_temp_folder_removed_when_the_session_ends()
    {
        if (OperatingSystem.IsWindows()) return;
        // One a killed session left two days ago is removed; a recent one (another session running) is kept.
        string abandoned = Directory.CreateTempSubdirectory("batchtui-demo-results-").FullName;
        string running = Directory.CreateTempSubdirectory("batchtui-demo-results-").FullName;
        Directory.SetLastWriteTimeUtc(abandoned, DateTime.UtcNow.AddDays(-2));
        string path;
        using (var demo = new DemoResultsCache())
        {
            Assert.False(Directory.Exists(abandoned));
            Assert.True(Directory.Exists(running));
            Directory.Delete(running);
            path = demo.Path;
            Assert.Equal(PrivateDir, File.GetUnixFileMode(path));
            Assert.StartsWith(Path.GetTempPath(), path);
        }
        Assert.False(Directory.Exists(path));
    }

    [Fact]
    public void Entries_of_the_old_id_only_layout_are_ignored()
    {
        using var dir = new TempDir();
        var store = new ResultsStore(dir.Path);
        File.WriteAllText(Path.Combine(dir.Path, "msgbatch_old.jsonl"), "{}\n");
        var scope = new CacheScope(new Uri("http://127.0.0.1:8080"));
        Assert.False(store.IsCached(scope, "msgbatch_old"));
        Assert.Empty(store.CachedBatchIds(scope));
    }

    [Theory]
    [InlineData("../x")]
    [InlineData("a/b")]
    [InlineData("msgbatch_\u001b]0;pwned\u0007")]
    [InlineData("msgbatch_a\0b")]
    [InlineData("")]
    [InlineData(null)] // 10,000 characters
    public async Task An_id_the_cache_rejects_fails_that_call_with_a_clear_message_and_writes_nothing(string? id)
    {
        id ??= new string('a', 10_000);
        using var dir = new TempDir();
        var store = new ResultsStore(dir.Path);
        await using World host = await World.StartAsync(retries: 4);
        MessageBatch odd = (await EndedAsync(host))[0] with { Id = id };
        var counting = new AliasApi(host.Api, "-", "-");

        Assert.Null(store.TryGetCurrent(CacheScope.Of(host.Api), odd));
        var e = await Assert.ThrowsAsync<UnusableBatchIdException>(() => store.GetAsync(counting, odd));
        Assert.Matches(id.Length == 0 ? "^the batch has no id$" : "^the batch id .*(holds|characters long)", e.Message);
        Assert.True(e.Message.Length < 200, e.Message);
        Assert.DoesNotContain('\u001b', e.Message);
        Assert.DoesNotContain('\0', e.Message);
        Assert.Empty(counting.Calls);
        Assert.Empty(Directory.GetFileSystemEntries(dir.Path, "*", SearchOption.AllDirectories));
        // Nor does the client put it in a URL: refused before any request.
        int sent = host.Spy.Sent.Count;
        var api = await Assert.ThrowsAsync<BatchApiException>(() => host.Api.GetAsync(id));
        Assert.Equal("client_error", api.ErrorType);
        Assert.Equal(sent, host.Spy.Sent.Count);
    }

    /// <summary>Another origin serving <paramref name="realId"/> under <paramref name="shownId"/>; records result downloads.</summary>
    private sealed class AliasApi(IBatchesApi inner, string shownId, string realId) : IBatchesApi
    {
        public List<string> Calls { get; } = [];
        public Uri BaseUrl => inner.BaseUrl;
        private string Real(string id) => id == shownId ? realId : id;
        public Task<BatchPage> ListAsync(PageRequest request, CancellationToken ct = default) => inner.ListAsync(request, ct);
        public Task<MessageBatch> GetAsync(string batchId, CancellationToken ct = default) => inner.GetAsync(Real(batchId), ct);
        public Task<MessageBatch> CreateAsync(BatchCreateRequest request, CancellationToken ct = default) => inner.CreateAsync(request, ct);
        public Task<MessageBatch> CancelAsync(string batchId, CancellationToken ct = default) => inner.CancelAsync(Real(batchId), ct);
        public Task<string> DeleteAsync(string batchId, CancellationToken ct = default) => inner.DeleteAsync(Real(batchId), ct);
        public Task<Stream> OpenResultsAsync(string batchId, CancellationToken ct = default)
        {
            Calls.Add($"RESULTS {Real(batchId)}");
            return inner.OpenResultsAsync(Real(batchId), ct);
        }
        public IAsyncEnumerable<ReadOnlyMemory<byte>> ResultLinesAsync(string batchId, CancellationToken ct = default) => inner.ResultLinesAsync(Real(batchId), ct);
    }
}
