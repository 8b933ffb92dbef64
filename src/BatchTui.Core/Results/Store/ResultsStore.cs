using BatchTui.Core.Api;
using BatchTui.Core.Results.Index;
using BatchTui.Core.State;
using BatchTui.Core.Text;
using System.Buffers;
using System.Diagnostics;
using System.Text.Json;

namespace BatchTui.Core.Results.Store;

/// <summary>
/// Downloads an ended batch's results once into the cache and hands back the file. The cache is keyed by API origin
/// and id (<c>&lt;dir&gt;/&lt;scope&gt;/&lt;batch_id&gt;.jsonl</c>, see <see cref="CacheScope"/>), never by id alone, and is private
/// (folders 0700, files 0600). The bytes are copied as they come (never re-serialised) into a temp file that is
/// renamed only when the download is complete and its last line whole; an interrupted, cut or canceled download
/// leaves nothing behind. A cached batch opens with no API call, also after it was archived or deleted on the server,
/// but only while its saved <c>request_counts</c> agree with the batch's: other counts mean other results (a
/// different batch under the same id), and those are downloaded again, never shown. Ids that could not be a file
/// name are refused (<see cref="UnusableBatchIdException"/>).
/// </summary>
public sealed partial class ResultsStore
{
    private const int CopyBufferBytes = 1 << 20;
    private static readonly TimeSpan ProgressEvery = TimeSpan.FromMilliseconds(200);
    private static readonly TimeSpan StaleTemp = TimeSpan.FromHours(1);
    private readonly TimeProvider _time;

    public ResultsStore(string? cacheDirectory = null, TimeProvider? time = null)
    {
        Directory = cacheDirectory ?? CacheDirectory.Default();
        _time = time ?? TimeProvider.System;
    }

    /// <summary>The cache root; each API origin has its own folder inside.</summary>
    public string Directory { get; }

    public string FolderFor(CacheScope scope) => Path.Combine(Directory, scope.FolderName);
    public string PathFor(CacheScope scope, string batchId) => Path.Combine(FolderFor(scope), SafeName(batchId) + ".jsonl");
    private string MetaPathFor(CacheScope scope, string batchId) => Path.Combine(FolderFor(scope), SafeName(batchId) + ".meta.json");

    public bool IsCached(CacheScope scope, string batchId) => File.Exists(PathFor(scope, batchId));

    /// <summary>
    /// The cached results of <paramref name="batchId"/> in <paramref name="scope"/> as they are, or null when not
    /// cached. No API call, and no check against the batch: see <see cref="TryGetCurrent"/>.
    /// </summary>
    public CachedResults? TryGetCached(CacheScope scope, string batchId)
    {
        string path = PathFor(scope, batchId);
        var info = new FileInfo(path);
        if (!info.Exists) return null;
        CacheMeta? meta = ReadMeta(scope, batchId);
        return new CachedResults(batchId, path, FromCache: true, info.Length, meta?.Lines ?? -1, meta?.Counts,
            meta?.DownloadedAt ?? new DateTimeOffset(info.LastWriteTimeUtc, TimeSpan.Zero));
    }

    /// <summary>
    /// The cached results of <paramref name="batch"/>, only when the counts saved with them are the batch's own;
    /// null when not cached, or cached for other counts (or with no counts to compare). No API call.
    /// </summary>
    public CachedResults? TryGetCurrent(CacheScope scope, MessageBatch batch) =>
        BatchIdRule.IsUsable(batch.Id) && TryGetCached(scope, batch.Id) is { } c && c.Expected == batch.Counts ? c : null;

    /// <summary>Ids of every batch with cached results in <paramref name="scope"/>, newest download first.</summary>
    public IReadOnlyList<string> CachedBatchIds(CacheScope scope) =>
        !System.IO.Directory.Exists(FolderFor(scope)) ? [] :
        new DirectoryInfo(FolderFor(scope)).GetFiles("*.jsonl").OrderByDescending(f => f.LastWriteTimeUtc).Select(f => Path.GetFileNameWithoutExtension(f.Name)).ToList();

    /// <summary>Ids with cached results under any origin, newest download first (for shell completion).</summary>
    public IReadOnlyList<string> AllCachedBatchIds() =>
        !System.IO.Directory.Exists(Directory) ? [] :
        new DirectoryInfo(Directory).EnumerateDirectories().SelectMany(d => d.GetFiles("*.jsonl"))
            .OrderByDescending(f => f.LastWriteTimeUtc).Select(f => Path.GetFileNameWithoutExtension(f.Name)).Distinct().ToList();

    public void Evict(CacheScope scope, string batchId)
    {
        File.Delete(PathFor(scope, batchId));
        File.Delete(MetaPathFor(scope, batchId));
    }

    /// <inheritdoc cref="GetAsync(CacheScope, IBatchesApi, MessageBatch, IProgress{DownloadProgress}?, CancellationToken)"/>
    public Task<CachedResults> GetAsync(IBatchesApi api, MessageBatch batch, IProgress<DownloadProgress>? progress = null, CancellationToken ct = default) =>
        GetAsync(CacheScope.Of(api), api, batch, progress, ct);

    /// <summary>
    /// The batch's results file: from the cache when there with the batch's counts, else downloaded now (the batch
    /// must have ended). Throws <see cref="UnusableBatchIdException"/> for an id that cannot be a file name,
    /// <see cref="BatchApiException"/> when the API refuses, <see cref="ResultsDownloadException"/> when the download
    /// breaks off or a cached copy disagrees with the batch and cannot be replaced, <see cref="OperationCanceledException"/>
    /// on cancel; in every case nothing is cached.
    /// </summary>
    public async Task<CachedResults> GetAsync(CacheScope scope, IBatchesApi api, MessageBatch batch, IProgress<DownloadProgress>? progress = null, CancellationToken ct = default)
    {
        BatchIdRule.Require(batch.Id);
        CachedResults? cached = TryGetCached(scope, batch.Id);
        if (cached is not null && cached.Expected == batch.Counts) return cached;
        string? differs = cached is null ? null : cached.Expected is { } old
            ? $"saved for {Counts(old)}; the batch has {Counts(batch.Counts)}"
            : "saved with no counts to check against the batch";
        if (!batch.IsEnded)
            throw differs is null
                ? new InvalidOperationException($"batch {batch.Id} has not ended: its results are not available yet")
                : new ResultsDownloadException($"the cached results of {batch.Id} do not belong to this batch ({differs}) and it has not ended: not shown");
        if (differs is not null && batch.ArchivedAt is not null)
            throw new ResultsDownloadException($"the cached results of {batch.Id} do not belong to this batch ({differs}) and its results are archived: not shown");
        CachedResults got = await DownloadAsync(scope, api, batch, progress, ct).ConfigureAwait(false);
        return differs is null ? got : got with { Note = $"the cached copy was {differs}: downloaded again" };
    }

    private static string Counts(RequestCounts c) =>
        $"{c.Succeeded:N0} succeeded, {c.Errored:N0} errored, {c.Canceled:N0} canceled, {c.Expired:N0} expired";

    private async Task<CachedResults> DownloadAsync(CacheScope scope, IBatchesApi api, MessageBatch batch, IProgress<DownloadProgress>? progress, CancellationToken ct)
    {
        string folder = FolderFor(scope);
        PrivateFiles.EnsureDirectory(Directory);
        PrivateFiles.EnsureDirectory(folder);
        RemoveStaleTemps(folder, batch.Id);
        string final = PathFor(scope, batch.Id);
        string temp = Path.Combine(folder, $"{SafeName(batch.Id)}.{Guid.NewGuid():N}.jsonl.tmp");
        long expected = batch.Counts.Results;
        long bytes = 0, lines = 0, lastNewline = -1;
        long started = _time.GetTimestamp();
        try
        {
            await using (Stream source = await api.OpenResultsAsync(batch.Id, ct).ConfigureAwait(false))
            await using (var file = new FileStream(temp, PrivateFiles.NewFile(FileAccess.Write, FileOptions.Asynchronous, bufferSize: 0)))
            {
                byte[] buffer = ArrayPool<byte>.Shared.Rent(CopyBufferBytes);
                try
                {
                    long lastReport = started;
                    while (true)
                    {
                        int n;
                        try
                        {
                            n = await source.ReadAsync(buffer.AsMemory(0, CopyBufferBytes), ct).ConfigureAwait(false);
                        }
                        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
                        {
                            throw new ResultsDownloadException(
                                $"the download of {batch.Id} broke off after {Units.Bytes(bytes)} ({lines:N0} lines): {e.Message}. Nothing was cached; try again.", e);
                        }
                        if (n == 0) break;
                        await file.WriteAsync(buffer.AsMemory(0, n), ct).ConfigureAwait(false);
                        ReadOnlySpan<byte> chunk = buffer.AsSpan(0, n);
                        int c = chunk.Count((byte)'\n');
                        if (c > 0) { lines += c; lastNewline = bytes + chunk.LastIndexOf((byte)'\n'); }
                        bytes += n;
                        long now = _time.GetTimestamp();
                        if (progress is not null && _time.GetElapsedTime(lastReport, now) >= ProgressEvery)
                        {
                            lastReport = now;
                            progress.Report(Progress(bytes, lines, expected, started, done: false));
                        }
                    }
                }
                finally
                {
                    ArrayPool<byte>.Shared.Return(buffer);
                }
                await file.FlushAsync(ct).ConfigureAwait(false);
                file.Flush(flushToDisk: true);
            }
            // A last line without a newline is normal only if it is whole; a cut one means the body was truncated.
            if (lastNewline < bytes - 1)
            {
                if (!LastLineIsWhole(temp, lastNewline + 1))
                    throw new ResultsDownloadException(
                        $"the download of {batch.Id} ended in the middle of line {lines + 1:N0} after {Units.Bytes(bytes)}: the body was truncated. Nothing was cached; try again.");
                lines++;
            }
            File.Move(temp, final, overwrite: true);
        }
        catch
        {
            TryDelete(temp);
            throw;
        }
        DateTimeOffset now2 = _time.GetUtcNow();
        WriteMeta(scope, batch, bytes, lines, now2);
        progress?.Report(Progress(bytes, lines, expected, started, done: true));
        return new CachedResults(batch.Id, final, FromCache: false, bytes, lines, batch.Counts, now2);
    }

    private DownloadProgress Progress(long bytes, long lines, long expected, long started, bool done)
    {
        TimeSpan elapsed = _time.GetElapsedTime(started);
        double rate = elapsed > TimeSpan.Zero ? bytes / elapsed.TotalSeconds : 0;
        return new DownloadProgress(bytes, lines, rate, elapsed, expected, done);
    }

    private static bool LastLineIsWhole(string path, long offset)
    {
        using var f = File.OpenHandle(path);
        long length = RandomAccess.GetLength(f) - offset;
        if (length > ResultsIndexer.MaxLineBytes) return false;
        var bytes = new byte[length];
        RandomAccess.Read(f, bytes, offset);
        ReadOnlySpan<byte> line = bytes.AsSpan().TrimEnd("\r \t"u8);
        if (line.IsEmpty) return true;
        var reader = new Utf8JsonReader(line, new JsonReaderOptions { MaxDepth = 1024 });
        try
        {
            while (reader.Read()) { }
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private void RemoveStaleTemps(string folder, string batchId)
    {
        DateTimeOffset now = _time.GetUtcNow();
        foreach (string f in System.IO.Directory.EnumerateFiles(folder, SafeName(batchId) + ".*.jsonl.tmp"))
        {
            if (now - File.GetLastWriteTimeUtc(f) > StaleTemp) TryDelete(f);
        }
    }

    private static void TryDelete(string path)
    {
        try { File.Delete(path); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }

    /// <summary>Batch ids become file names: anything but letters, digits, '_' and '-' is refused (no path tricks).</summary>
    private static string SafeName(string batchId) => BatchIdRule.Require(batchId);

    private sealed record CacheMeta(string BatchId, DateTimeOffset DownloadedAt, long Bytes, long Lines, RequestCounts? Counts);

    private void WriteMeta(CacheScope scope, MessageBatch batch, long bytes, long lines, DateTimeOffset at)
    {
        string path = MetaPathFor(scope, batch.Id);
        string temp = $"{path}.{Guid.NewGuid():N}.tmp";
        var meta = new CacheMeta(batch.Id, at, bytes, lines, batch.Counts);
        try
        {
            using (var f = new FileStream(temp, PrivateFiles.NewFile()))
                JsonSerializer.Serialize(f, meta, CacheMetaJson.Default.CacheMeta);
            File.Move(temp, path, overwrite: true);
        }
        catch
        {
            TryDelete(temp);
            throw;
        }
    }

    private CacheMeta? ReadMeta(CacheScope scope, string batchId)
    {
        try
        {
            string path = MetaPathFor(scope, batchId);
            return File.Exists(path) ? JsonSerializer.Deserialize(File.ReadAllText(path), CacheMetaJson.Default.CacheMeta) : null;
        }
        catch (Exception e) when (e is JsonException or IOException)
        {
            return null; // a damaged sidecar only loses the counts check, never the results
        }
    }

    [System.Text.Json.Serialization.JsonSerializable(typeof(CacheMeta))]
    private sealed partial class CacheMetaJson : System.Text.Json.Serialization.JsonSerializerContext;
}
