using BatchTui.Core.Results.Export;
using BatchTui.Core.Results.Store;
using System.CommandLine;

namespace BatchTui.Cli;

/// <summary>
/// <c>batchtui export --cached DIR</c>: every batch cached for the current origin as one Parquet dataset,
/// Hive-partitioned by batch id (<c>DIR/batch_id=ID/part-0.parquet</c>), which DuckDB, Spark, BigQuery and pandas read
/// as one table. No network: only what <c>results</c> or the TUI already downloaded. Streamed, one batch and one row
/// group at a time, so memory stays flat for any number of results.
/// </summary>
internal static class ExportCommand
{
    public static Command Build(CliOptions config, CliIo io, CancellationToken ct)
    {
        var cached = new Option<bool>("--cached") { Description = "every batch with results in the local cache for this origin (the only source for now)" };
        var dir = new Argument<string>("DIR") { Description = "the dataset folder: DIR/batch_id=ID/part-0.parquet per batch (files of the same batches are replaced)" };
        var command = new Command("export", """
            Write results as a Parquet dataset for DuckDB, Spark, BigQuery or pandas, partitioned by batch id
            (Hive-style folders). Columns: custom_id, result_type, stop_reason, error_type, error_message, model,
            input/output/cache_read/cache_write tokens, first_text, has_thinking, tool_names (a list), raw_line;
            batch_id comes from the folder name. Reads the cache only: no network.
            Read it back with: duckdb -c "select * from read_parquet('DIR/*/*.parquet', hive_partitioning=true)"
            Exit codes: 0 written (also when nothing is cached), 1 a file could not be read or written, 2 usage.
            """) { cached, dir };
        config.AddTo(command, withTimeout: false);
        command.SetAction(async (parsed, _) =>
        {
            var session = new CliSession("export", io);
            if (session.Load(config.ToConfigArgs(parsed)) is not { } options) return CliExit.Usage;
            if (!parsed.GetValue(cached))
            {
                session.Error("say what to export: --cached (every batch cached for this origin)");
                return CliExit.Usage;
            }
            string target = parsed.GetValue(dir)!;
            return await session.GuardAsync(async () =>
            {
                ResultsStore store = session.Store();
                var scope = new CacheScope(options.BaseUrl);
                if (store.CachedBatchIds(scope).Count == 0)
                {
                    io.Err.WriteLine($"no cached results for {CliText.Safe(options.BaseUrl.ToString())}: `batchtui results ID` (or opening a batch's results in the TUI) caches them");
                    return CliExit.Ok;
                }
                IReadOnlyList<DatasetPart> parts = await ParquetExport.WriteCachedAsync(store, scope, target, (id, i, n) =>
                {
                    io.Err.WriteLine($"[{i}/{n}] {id}");
                }, ct);
                long rows = parts.Sum(p => p.Counts.Written);
                foreach (DatasetPart p in parts) io.Out.WriteLine($"{p.BatchId}\t{p.Counts.Written}\t{p.Path}");
                io.Err.WriteLine($"{parts.Count:N0} batch{(parts.Count == 1 ? "" : "es")}, {rows:N0} results written to {CliText.Safe(target)}; read them with " +
                    $"read_parquet('{CliText.Safe(Path.Combine(target, "*", "*.parquet"))}', hive_partitioning=true)");
                return CliExit.Ok;
            }, ct);
        });
        return command;
    }
}
