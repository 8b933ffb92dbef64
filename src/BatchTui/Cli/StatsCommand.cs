using BatchTui.Core.Api;
using BatchTui.Core.Input;
using BatchTui.Core.Results.Index;
using BatchTui.Core.Results.Stats;
using BatchTui.Core.Results.Store;
using BatchTui.Core.Text;
using System.CommandLine;

namespace BatchTui.Cli;

/// <summary>
/// <c>batchtui stats ID|FILE</c>: the stats pane's report on stdout, for a batch (through the results cache, like
/// <c>results</c>) or a local results file: frequency tables, histograms, token totals and the cost estimate.
/// Table on a terminal (the pane's own lines), JSON when piped or asked.
/// </summary>
internal static class StatsCommand
{
    public static Command Build(CliOptions config, CliIo io, CancellationToken ct)
    {
        var target = new Argument<string>("ID|FILE") { Description = "a batch id (msgbatch_…) or a results .jsonl file", HelpName = "ID|FILE" };
        var format = CliOptions.Format("auto", "table", "json");
        var command = new Command("stats", """
            Stats of a batch's results or a results file: result type, stop_reason, error type, model, content block
            types, tools and citation domains with counts and percentages; log-scale histograms of tokens and text
            length; token totals; the cost at batch prices from the price table (config "prices"; a model without a
            price shows tokens only). A batch's results come through the local cache (downloaded once).
            Exit codes: 0 printed, 5 unknown batch (404), 6 not ended yet, 1 API error or unreadable file, 2 usage.
            """) { target, format };
        config.AddTo(command);
        command.SetAction(async (parsed, _) =>
        {
            var session = new CliSession("stats", io);
            if (session.Load(config.ToConfigArgs(parsed)) is not { } options) return CliExit.Usage;
            string what = parsed.GetValue(target)!;
            string fmt = parsed.GetValue(format)!;
            if (fmt == "auto") fmt = io.OutIsTerminal ? "table" : "json";
            bool isFile = File.Exists(what) || Directory.Exists(what) || what.Contains('/') || what.EndsWith(".jsonl", StringComparison.OrdinalIgnoreCase);
            if (!isFile && !LastList.IsId(what))
            {
                session.Error($"'{what}' is neither a file nor a batch id");
                return CliExit.Usage;
            }
            return await session.GuardAsync(async () =>
            {
                if (isFile)
                {
                    LocalResultsFile local;
                    try
                    {
                        local = await LocalResultsFile.OpenAsync(what, ct: ct);
                    }
                    catch (Exception e) when (e is IOException or InputTooLargeException)
                    {
                        session.Error(e.Message);
                        return CliExit.Failed;
                    }
                    using (local) return Print(local.Path, local.Source, fmt, options.Prices);
                }
                (string? path, int code) = await CachedResultsAsync(session, options, what, ct);
                return path is null ? code : Print(path, what, fmt, options.Prices);
            }, ct);

            int Print(string path, string source, string fmt, Core.Config.PriceTable prices)
            {
                using ResultsIndex index = ResultsIndex.Build(path, ct);
                ResultsStats stats = ResultsStats.Compute(index, Enumerable.Range(0, index.Count).ToArray(), prices, ct);
                if (fmt == "json") StatsJson.Write(io.OutBytes, source, stats);
                else
                {
                    io.Out.WriteLine(CliText.Safe($"stats of {source}"));
                    foreach (StatsLine line in StatsReport.Lines(stats, Width(io)))
                        io.Out.WriteLine(line.Text.TrimEnd());
                    io.Out.Flush();
                }
                return CliExit.Ok;
            }
        });
        return command;
    }

    // The report's width: $COLUMNS when set (shells export it to terminals), else 100.
    private static int Width(CliIo io) => int.TryParse(io.Var("COLUMNS"), out int w) && w >= 40 ? Math.Min(w, 400) : 100;

    /// <summary>The cached results file of <paramref name="batchId"/>, downloading it first when needed.</summary>
    private static async Task<(string? Path, int Code)> CachedResultsAsync(CliSession session, Core.Config.BatchTuiOptions options, string batchId, CancellationToken ct)
    {
        CliIo io = session.Io;
        ResultsStore store = session.Store();
        // A demo simulator's origin is new each run: only a real API's cache is worth a look before connecting.
        if (!options.UseSimulator && store.TryGetCached(new CacheScope(options.BaseUrl), batchId) is { } cached)
        {
            io.Err.WriteLine($"results of {batchId} from the cache ({cached.Path})");
            return (cached.Path, CliExit.Ok);
        }
        await using var connection = await session.ConnectAsync(options, ct);
        MessageBatch batch;
        try
        {
            batch = await connection.Api.GetAsync(batchId, ct);
        }
        catch (BatchApiException e)
        {
            return (null, session.Fail(e, batchId));
        }
        if (!batch.IsEnded)
        {
            session.Error($"{batchId} is {BatchOutput.Status(batch)}: its results (and stats) come once it has ended");
            return (null, CliExit.NotEnded);
        }
        if (batch.ArchivedAt is not null && store.TryGetCached(CacheScope.Of(connection.Api), batchId) is null)
        {
            session.Error($"{batchId} was archived and its results were never cached here: the API no longer serves them");
            return (null, CliExit.NotEnded);
        }
        CachedResults got = await store.GetAsync(connection.Api, batch, null, ct);
        io.Err.WriteLine($"{(got.FromCache ? "from the cache" : "downloaded")}: {Units.Bytes(got.Bytes)}, {got.Lines:N0} lines of {batchId} ({got.Path})");
        return (got.Path, CliExit.Ok);
    }
}
