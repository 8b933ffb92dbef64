using BatchTui.Core.Api;
using BatchTui.Core.Results.Index;
using BatchTui.Core.Results.Query;
using BatchTui.Core.Results.Store;
using BatchTui.Core.State;
using BatchTui.Core.Text;
using System.CommandLine;

namespace BatchTui.Cli;

/// <summary>
/// <c>batchtui results ID</c>: the batch's results on stdout (or <c>-o FILE</c>, written atomically), through the
/// results cache the TUI uses: a cached batch needs no network, also after it was archived or deleted; otherwise
/// the download lands in the cache first. Streamed line by line: memory stays flat for any size. Unfiltered
/// <c>jsonl</c> off a terminal is the API's body byte for byte.
/// </summary>
internal static class ResultsCommand
{
    public static Command Build(CliOptions config, CliIo io, CancellationToken ct)
    {
        var id = config.Id("the batch id (msgbatch_…)");
        var type = new Option<string[]>("--type") { Description = "only these result types: succeeded, errored, canceled, expired (repeatable or comma-separated)", HelpName = "TYPE" };
        type.CompletionSources.Add("succeeded", "errored", "canceled", "expired");
        var customId = new Option<string?>("--custom-id") { Description = "only custom_ids matching this glob (* ? [a-z]; no wildcard = substring)", HelpName = "GLOB" };
        var stop = new Option<string?>("--stop-reason") { Description = "only succeeded results with this stop_reason (end_turn, max_tokens, ...)", HelpName = "X" };
        stop.CompletionSources.Add("end_turn", "max_tokens", "stop_sequence", "tool_use", "pause_turn", "refusal");
        var error = new Option<string?>("--error-type") { Description = "only errored results with this error type (overloaded_error, ...)", HelpName = "X" };
        var format = CliOptions.Format("auto", "jsonl", "json", "csv", "text", "table", "parquet");
        var output = new Option<string?>("--output", "-o") { Description = "write to FILE (atomically: all or nothing) instead of stdout", HelpName = "FILE" };
        var command = new Command("results", """
            Print a batch's results, through the local results cache (downloaded once; a cached batch needs no network).
            Formats: jsonl (the raw lines; unfiltered and not on a terminal, the API's body byte for byte; the default
            when piped or with -o), json (one array), csv, text (custom_id and the first text block or the error),
            table (the default on a terminal), parquet (typed columns for DuckDB, Spark or pandas; needs -o, and is the
            default for -o FILE.parquet). Filters combine with AND.
            Exit codes: 0 printed, 5 unknown batch (404), 6 not ended yet (or archived before it was cached),
            1 API error, no answer or a broken download, 2 usage.
            """) { id, type, customId, stop, error, format, output };
        config.AddTo(command);
        command.SetAction(async (parsed, _) =>
        {
            var session = new CliSession("results", io);
            if (session.Load(config.ToConfigArgs(parsed)) is not { } options) return CliExit.Usage;
            string batchId = parsed.GetValue(id)!;
            if (!LastList.IsId(batchId))
            {
                session.Error($"'{batchId}' is not a batch id (letters, digits, _ and - only)");
                return CliExit.Usage;
            }
            var kinds = new HashSet<ResultKind>();
            foreach (string t in (parsed.GetValue(type) ?? []).SelectMany(v => v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)))
            {
                if (!ResultKindText.TryParse(t, out ResultKind k) || k is ResultKind.Unknown or ResultKind.Unparseable)
                {
                    session.Error($"--type '{t}' must be succeeded, errored, canceled or expired");
                    return CliExit.Usage;
                }
                kinds.Add(k);
            }
            var filter = new ResultsFilter(kinds.Count > 0 ? kinds : null, parsed.GetValue(stop), parsed.GetValue(error), parsed.GetValue(customId));
            string? file = parsed.GetValue(output);
            string fmt = parsed.GetValue(format)!;
            if (fmt == "auto") fmt = file is null && io.OutIsTerminal ? "table" : file?.EndsWith(".parquet", StringComparison.OrdinalIgnoreCase) == true ? "parquet" : "jsonl";
            if (fmt == "parquet" && file is null)
            {
                // Binary: never to a terminal, and a pipe cannot seek back to write the footer's offsets.
                session.Error("--format parquet writes a file: add -o FILE.parquet");
                return CliExit.Usage;
            }

            return await session.GuardAsync(async () =>
            {
                ResultsStore store = session.Store();
                // A demo simulator's origin is new each run: only a real API's cache is worth a look before connecting.
                CachedResults? cached = options.UseSimulator ? null : store.TryGetCached(new CacheScope(options.BaseUrl), batchId);
                if (cached is not null)
                    io.Err.WriteLine($"results of {batchId} from the cache ({cached.Path}), downloaded {cached.DownloadedAt.UtcDateTime:yyyy-MM-dd HH:mm:ss} UTC");
                else
                {
                    await using var connection = await session.ConnectAsync(options, ct);
                    MessageBatch batch;
                    try
                    {
                        batch = await connection.Api.GetAsync(batchId, ct);
                    }
                    catch (BatchApiException e)
                    {
                        return session.Fail(e, batchId);
                    }
                    if (!batch.IsEnded)
                    {
                        var c = batch.Counts;
                        session.Error($"{batchId} is {BatchOutput.Status(batch)} ({BatchOutput.N(c.Total - c.Processing)} of {BatchOutput.N(c.Total)} requests processed): " +
                            $"its results come once it has ended; `batchtui watch {batchId}` waits for that");
                        return CliExit.NotEnded;
                    }
                    if (batch.ArchivedAt is not null)
                    {
                        session.Error($"{batchId} was archived and its results were never cached here: the API no longer serves them");
                        return CliExit.NotEnded;
                    }
                    cached = await store.GetAsync(connection.Api, batch, io.ErrIsTerminal ? new InlineProgress(p =>
                    {
                        io.Err.Write($"\r{p.Describe()}\u001b[K");
                        io.Err.Flush();
                    }) : null, ct);
                    if (io.ErrIsTerminal) io.Err.Write("\r\u001b[K");
                    io.Err.WriteLine($"downloaded {Units.Bytes(cached.Bytes)}, {cached.Lines:N0} lines of {batchId} into the cache ({cached.Path})");
                }

                var writer = new ResultsWriter(new ResultLineFilter(filter), fmt, batchId);
                if (file is not null)
                {
                    await AtomicFile.WriteAsync(file, (s, c) => writer.WriteAsync(cached.Path, cached.Lines, s, toTerminal: false, c), ct);
                }
                else
                {
                    io.Out.Flush();
                    await writer.WriteAsync(cached.Path, cached.Lines, io.OutBytes, io.OutIsTerminal, ct);
                    await io.OutBytes.FlushAsync(ct);
                }
                if (file is not null || !filter.IsEmpty)
                    io.Err.WriteLine($"{writer.Written:N0} of {writer.Read:N0} results{(filter.IsEmpty ? "" : $" ({CliText.Safe(filter.Describe())})")}" +
                        (file is null ? "" : $" written to {CliText.Safe(file)}") + (writer.SkippedUnparseable > 0 ? $"; {writer.SkippedUnparseable:N0} unparseable lines left out" : ""));
                return CliExit.Ok;
            }, ct);
        });
        return command;
    }

    /// <summary>Reports on the caller's thread, in order (Progress&lt;T&gt; would post them to the thread pool).</summary>
    private sealed class InlineProgress(Action<DownloadProgress> report) : IProgress<DownloadProgress>
    {
        public void Report(DownloadProgress value) => report(value);
    }
}
