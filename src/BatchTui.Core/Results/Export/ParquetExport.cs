using BatchTui.Core.Results.Query;
using BatchTui.Core.Results.Store;
using BatchTui.Core.State;

namespace BatchTui.Core.Results.Export;

/// <summary>How many lines a streamed Parquet export read and how many rows it wrote.</summary>
public readonly record struct ParquetCounts(long Read, long Written, int RowGroups);

/// <summary>One batch of a Parquet dataset: its id, its file and its counts.</summary>
public sealed record DatasetPart(string BatchId, string Path, ParquetCounts Counts);

/// <summary>
/// Results files to Parquet, streamed: one line in memory at a time on the way in, one row group at a time on the
/// way out (<see cref="ParquetResultsWriter"/>). Files are written through a temp file and renamed, all or nothing.
/// </summary>
public static class ParquetExport
{
    /// <summary>The lines of the JSONL file <paramref name="jsonlPath"/> that <paramref name="filter"/> keeps, as Parquet on <paramref name="output"/>.</summary>
    public static async Task<ParquetCounts> WriteFileAsync(string jsonlPath, string? batchId, ResultLineFilter filter, Stream output,
        bool withBatchId = true, IProgress<long>? progress = null, CancellationToken ct = default, int rowsPerGroup = ParquetResultsWriter.MaxRowsPerGroup)
    {
        await using var source = new FileStream(jsonlPath, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16,
            FileOptions.SequentialScan | FileOptions.Asynchronous);
        using var reader = new ResultLineReader(source);
        await using ParquetResultsWriter writer = await ParquetResultsWriter.CreateAsync(output, withBatchId, ct, rowsPerGroup).ConfigureAwait(false);
        long read = 0;
        while (await reader.NextAsync(ct).ConfigureAwait(false) is { } line)
        {
            read++;
            if (reader.LastWasTooLong)
            {
                // What the index shows as an unparseable row; only an unfiltered export can say it matches.
                if (filter.IsEmpty) await writer.AddAsync(ResultRow.TooLong(batchId, reader.LineNumber, ResultLineReader.MaxLineBytes), ct).ConfigureAwait(false);
                continue;
            }
            ResultLineFacts facts = filter.Read(line.Span);
            if (!filter.Matches(facts)) continue;
            await writer.AddAsync(ResultRow.Of(batchId, facts, line), ct).ConfigureAwait(false);
            if ((read & 4095) == 0) progress?.Report(read);
        }
        await writer.CompleteAsync(ct).ConfigureAwait(false);
        progress?.Report(read);
        return new ParquetCounts(read, writer.Rows, writer.RowGroups);
    }

    /// <summary>The rows of a view (the browser's current filter and sort, in that order) as Parquet on <paramref name="output"/>.</summary>
    public static async Task<int> WriteViewAsync(ResultsView view, string? batchId, Stream output, IProgress<int>? progress = null, CancellationToken ct = default)
    {
        await using ParquetResultsWriter writer = await ParquetResultsWriter.CreateAsync(output, withBatchId: true, ct).ConfigureAwait(false);
        for (int i = 0; i < view.Count; i++)
        {
            ct.ThrowIfCancellationRequested();
            await writer.AddAsync(ResultRow.Of(batchId, view.Index, view[i]), ct).ConfigureAwait(false);
            if (((i + 1) & 1023) == 0) progress?.Report(i + 1);
        }
        await writer.CompleteAsync(ct).ConfigureAwait(false);
        return view.Count;
    }

    /// <summary>
    /// Every cached batch of <paramref name="scope"/> as a Hive-partitioned dataset: <c>DIR/batch_id=ID/part-0.parquet</c>,
    /// one batch at a time. The folder name carries batch_id (readers add it back), so the files leave it out.
    /// </summary>
    public static async Task<IReadOnlyList<DatasetPart>> WriteCachedAsync(ResultsStore store, CacheScope scope, string directory,
        Action<string, int, int>? starting = null, CancellationToken ct = default)
    {
        IReadOnlyList<string> ids = store.CachedBatchIds(scope);
        var parts = new List<DatasetPart>();
        Directory.CreateDirectory(directory);
        for (int i = 0; i < ids.Count; i++)
        {
            ct.ThrowIfCancellationRequested();
            if (store.TryGetCached(scope, ids[i]) is not { } cached) continue; // evicted meanwhile
            starting?.Invoke(ids[i], i + 1, ids.Count);
            string path = Path.Combine(directory, $"batch_id={ids[i]}", "part-0.parquet");
            ParquetCounts counts = default;
            await AtomicFile.WriteAsync(path, async (s, c) =>
                counts = await WriteFileAsync(cached.Path, ids[i], new ResultLineFilter(ResultsFilter.None), s, withBatchId: false, ct: c).ConfigureAwait(false), ct)
                .ConfigureAwait(false);
            parts.Add(new DatasetPart(ids[i], path, counts));
        }
        return parts;
    }
}
