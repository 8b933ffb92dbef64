using System.Buffers;
using System.Diagnostics;
using System.Text.Json;
using BatchTui.Core.Api;
using BatchTui.Core.Results.Index;

namespace BatchTui.Core.Results.Store;

/// <summary>
/// Downloads an ended batch's results once into the cache (<c>&lt;dir&gt;/&lt;batch_id&gt;.jsonl</c>) and hands back the
/// file. The bytes are copied as they come (never re-serialised) into a temp file that is renamed only when the
/// download is complete and its last line whole; an interrupted, cut or canceled download leaves nothing behind.
/// A cached batch opens with no API call, also after it was archived or deleted on the server.
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

    public string Directory { get; }

    public string PathFor(string batchId) => Path.Combine(Directory, SafeName(batchId) + ".jsonl");
    private string MetaPathFor(string batchId) => Path.Combine(Directory, SafeName(batchId) + ".meta.json");

    public bool IsCached(string batchId) => File.Exists(PathFor(batchId));

    /// <summary>The cached results of <paramref name="batchId"/>, or null when not cached. No API call.</summary>
    public CachedResults? TryGetCached(string batchId)
    {
        string path = PathFor(batchId);
        var info = new FileInfo(path);
        if (!info.Exists) return null;
        CacheMeta? meta = ReadMeta(batchId);
        return new CachedResults(batchId, path, FromCache: true, info.Length, meta?.Lines ?? -1, meta?.Counts,
            meta?.DownloadedAt ?? new DateTimeOffset(info.LastWriteTimeUtc, TimeSpan.Zero));
    }

    /// <summary>Ids of every batch with cached results, newest download first.</summary>
    public IReadOnlyList<string> CachedBatchIds() =>
        !System.IO.Directory.Exists(Directory) ? [] :
        new DirectoryInfo(Directory).GetFiles("*.jsonl").OrderByDescending(f => f.LastWriteTimeUtc).Select(f => Path.GetFileNameWithoutExtension(f.Name)).ToList();

    public void Evict(string batchId)
    {
        File.Delete(PathFor(batchId));
        File.Delete(MetaPathFor(batchId));
    }

    /// <summary>
    /// The batch's results file: from the cache when there, else downloaded now (the batch must have ended).
    /// Throws <see cref="BatchApiException"/> when the API refuses, <see cref="ResultsDownloadException"/> when the
    /// download breaks off, <see cref="OperationCanceledException"/> on cancel; in every case nothing is cached.
    /// </summary>
    public async Task<CachedResults> GetAsync(IBatchesApi api, MessageBatch batch, IProgress<DownloadProgress>? progress = null, CancellationToken ct = default)
    {
        if (TryGetCached(batch.Id) is { } cached) return cached;
        if (!batch.IsEnded) throw new InvalidOperationException($"batch {batch.Id} has not ended: its results are not available yet");
        return await DownloadAsync(api, batch, progress, ct).ConfigureAwait(false);
    }

    private async Task<CachedResults> DownloadAsync(IBatchesApi api, MessageBatch batch, IProgress<DownloadProgress>? progress, CancellationToken ct)
    {
        System.IO.Directory.CreateDirectory(Directory);
        RemoveStaleTemps(batch.Id);
        string final = PathFor(batch.Id);
        string temp = Path.Combine(Directory, $"{SafeName(batch.Id)}.{Guid.NewGuid():N}.jsonl.tmp");
        long expected = batch.Counts.Total - batch.Counts.Processing;
        long bytes = 0, lines = 0, lastNewline = -1;
        long started = _time.GetTimestamp();
        try
        {
            await using (Stream source = await api.OpenResultsAsync(batch.Id, ct).ConfigureAwait(false))
            await using (var file = new FileStream(temp, new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, BufferSize = 0, Options = FileOptions.Asynchronous }))
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
                                $"the download of {batch.Id} broke off after {DownloadProgress.Size(bytes)} ({lines:N0} lines): {e.Message}. Nothing was cached; try again.", e);
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
                        $"the download of {batch.Id} ended in the middle of line {lines + 1:N0} after {DownloadProgress.Size(bytes)}: the body was truncated. Nothing was cached; try again.");
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
        WriteMeta(batch, bytes, lines, now2);
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

    private void RemoveStaleTemps(string batchId)
    {
        DateTimeOffset now = _time.GetUtcNow();
        foreach (string f in System.IO.Directory.EnumerateFiles(Directory, SafeName(batchId) + ".*.jsonl.tmp"))
        {
            if (now - File.GetLastWriteTimeUtc(f) > StaleTemp) TryDelete(f);
        }
    }

    private static void TryDelete(string path)
    {
        try { File.Delete(path); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }

    /// <summary>Batch ids become file names: anything but letters, digits, '_' and '-' is refused (no path tricks).</summary>
    private static string SafeName(string batchId)
    {
        if (batchId.Length is 0 or > 200 || batchId.Any(c => !(char.IsAsciiLetterOrDigit(c) || c is '_' or '-')))
            throw new ArgumentException($"not a batch id: '{batchId}'", nameof(batchId));
        return batchId;
    }

    private sealed record CacheMeta(string BatchId, DateTimeOffset DownloadedAt, long Bytes, long Lines, RequestCounts? Counts);

    private void WriteMeta(MessageBatch batch, long bytes, long lines, DateTimeOffset at)
    {
        string path = MetaPathFor(batch.Id);
        string temp = path + ".tmp";
        var meta = new CacheMeta(batch.Id, at, bytes, lines, batch.Counts);
        File.WriteAllText(temp, JsonSerializer.Serialize(meta, CacheMetaJson.Default.CacheMeta));
        File.Move(temp, path, overwrite: true);
    }

    private CacheMeta? ReadMeta(string batchId)
    {
        try
        {
            string path = MetaPathFor(batchId);
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
