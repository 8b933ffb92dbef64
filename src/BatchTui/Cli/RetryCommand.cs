using BatchTui.Core.Api;
using BatchTui.Core.Requests;
using BatchTui.Core.Results.Index;
using BatchTui.Core.Results.Query;
using BatchTui.Core.State;
using BatchTui.Core.Text;
using BatchTui.Tui.Text;
using System.CommandLine;

namespace BatchTui.Cli;

/// <summary>
/// <c>batchtui retry ID</c>: the errored and expired requests of an ended batch, sent again as a new batch — the
/// TUI's <c>R</c> without the editor: the same <see cref="RetryPlanner"/> (original params from the submission
/// journal, or from <c>--from FILE</c>), a preview, a confirmation (or <c>--yes</c>), and the new batch journalled.
/// </summary>
internal static class RetryCommand
{
    public static Command Build(CliOptions config, CliIo io, CancellationToken ct)
    {
        var id = config.Id("the ended batch whose failed requests to send again");
        var yes = CliOptions.Yes("send without asking (required when stdin is not a terminal)");
        var canceled = new Option<bool>("--include-canceled") { Description = "retry canceled requests too" };
        var rename = new Option<bool>("--rename") { Description = "give the retried requests new custom_ids (row-7 → row-7-retry1)" };
        var from = new Option<string?>("--from") { Description = "the original requests file, for a batch not submitted by batchtui on this machine", HelpName = "FILE" };
        var format = new Option<string>("--format") { Description = "stdout: id (default: the new id alone), json, jsonl, table, auto", DefaultValueFactory = _ => "id", HelpName = "FORMAT" };
        format.AcceptOnlyFromAmong(CreatedFormat.Choices);
        var command = new Command("retry", """
            Send the errored and expired requests of an ended batch again, as a new batch, with their original params
            from the submission journal (or --from FILE). Prints a preview, asks on a terminal (--yes otherwise),
            creates the batch, journals it, and prints its id.
            Exit codes: 0 created (or nothing to retry), 1 the requests are not known here or an API error,
            3 the API refused the new batch, 4 not confirmed, 5 unknown batch, 6 not ended, 2 usage or read-only.
            """) { id, yes, canceled, rename, from, format };
        config.AddTo(command);
        command.SetAction(async (parsed, _) =>
        {
            var session = new CliSession("retry", io);
            if (session.Load(config.ToConfigArgs(parsed)) is not { } options) return CliExit.Usage;
            if (options.ReadOnly)
            {
                session.Error($"read-only (profile {CliText.Safe(options.ProfileName)}, --read-only or readOnly in the config): nothing was sent");
                return CliExit.Usage;
            }
            string batchId = parsed.GetValue(id)!;
            if (!LastList.IsId(batchId)) { session.Error($"'{CliText.Safe(batchId)}' is not a batch id"); return CliExit.Usage; }
            return await session.GuardAsync(async () =>
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
                    session.Error($"{batchId} is {BatchOutput.Status(batch)}: retry works on an ended batch; `batchtui watch {batchId}` waits for it");
                    return CliExit.NotEnded;
                }

                var kinds = new HashSet<ResultKind> { ResultKind.Errored, ResultKind.Expired };
                if (parsed.GetValue(canceled)) kinds.Add(ResultKind.Canceled);
                IReadOnlyList<string> failed = await FailedIdsAsync(session, connection.Api, batch, kinds, ct);

                var journal = new SubmissionJournal(Core.State.StateDirectory.Journal(session.StateDirectory()), io.Time);
                RetryPlan plan = await new RetryPlanner(journal).PlanAsync(batchId, failed,
                    parsed.GetValue(rename) ? RetryIdMode.RetrySuffix : RetryIdMode.SameIds, parsed.GetValue(from), ct);
                if (failed.Count == 0)
                {
                    io.Err.WriteLine(CliText.Safe(plan.Summary));
                    return CliExit.Ok;
                }
                if (!plan.Ok)
                {
                    session.Error(plan.Summary);
                    return CliExit.Failed;
                }
                io.Err.WriteLine(CliText.Safe(plan.Summary));
                foreach (string line in RequestsPreview.Of(plan.Requests).Lines) io.Err.WriteLine("  " + CliText.Safe(line));
                string target = connection.IsSimulator ? "the built-in simulator" : $"{connection.BaseUrl} (profile {CliText.Safe(connection.ProfileName)})";
                if (!await session.ConfirmAsync($"Create a new batch of {Units.Plural(plan.Requests.Count, "request")} on {target}?", parsed.GetValue(yes), ct))
                    return CliExit.NotConfirmed;

                MessageBatch created;
                try
                {
                    created = await connection.Api.CreateAsync(new BatchCreateRequest(plan.Requests), ct);
                }
                catch (BatchApiException e)
                {
                    session.Error($"create failed: {e.Message}");
                    return CliExit.Refused;
                }
                try
                {
                    await journal.RecordAsync(created.Id, plan.Requests, connection.Api.BaseUrl, parsed.GetValue(from) is { } f ? Path.GetFullPath(f) : null, ct);
                    io.Err.WriteLine($"created {CliText.Safe(created.Id)} ({created.Status.ToWire()}, {Units.Plural(plan.Requests.Count, "request")}), retrying {CliText.Safe(batchId)}; journalled in {journal.RequestsPath(created.Id)}");
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    io.Err.WriteLine($"created {CliText.Safe(created.Id)}, but the journal could not be written ({CliText.Safe(e.Message)})");
                }
                if (CreatedFormat.Printer(parsed.GetValue(format)!, io.AsConsole, io) is { } print) print(created);
                else io.Out.WriteLine(created.Id);
                return CliExit.Ok;
            }, ct);
        });
        return command;
    }

    /// <summary>The custom_ids to retry, read from the cached results (downloaded into the cache if needed).</summary>
    private static async Task<IReadOnlyList<string>> FailedIdsAsync(CliSession session, IBatchesApi api, MessageBatch batch,
        IReadOnlySet<ResultKind> kinds, CancellationToken ct)
    {
        var store = session.Store();
        var cached = await store.GetAsync(api, batch, ct: ct);
        var filter = new ResultLineFilter(new ResultsFilter(kinds));
        var ids = new List<string>();
        await using var file = new FileStream(cached.Path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan | FileOptions.Asynchronous);
        using var reader = new ResultLineReader(file);
        while (await reader.NextAsync(ct) is { } line)
        {
            if (reader.LastWasTooLong) continue;
            ResultLineFacts f = filter.Read(line.Span);
            if (filter.Matches(f) && f.CustomId.Length > 0) ids.Add(f.CustomId);
        }
        return ids;
    }
}
