using BatchTui.Core.Api;
using BatchTui.Core.Labels;
using BatchTui.Core.Results.Store;
using System.CommandLine;

namespace BatchTui.Cli;

/// <summary><c>batchtui get ID…</c>: each batch's status, five timestamps and counts, or its JSON.</summary>
internal static class GetCommand
{
    public static Command Build(CliOptions config, CliIo io, CancellationToken ct)
    {
        var ids = config.Ids("batch ids (msgbatch_…)");
        var format = CliOptions.Format("auto", "table", "json", "jsonl");
        var json = new Option<bool>("--json") { Description = "the same as --format json" };
        var command = new Command("get", """
            Show batches: status, the five timestamps (absolute UTC and relative) and the request counts.
            json prints the API's object (an array when several ids are given); jsonl one object per line.
            Exit codes: 0 every batch shown, 5 an id is unknown (404), 1 any other API error, 2 usage.
            """) { ids, format, json };
        config.AddTo(command);
        command.SetAction(async (parsed, _) =>
        {
            var session = new CliSession("get", io);
            if (session.Load(config.ToConfigArgs(parsed)) is not { } options) return CliExit.Usage;
            string fmt = BatchOutput.Resolve(parsed.GetValue(json) ? "json" : parsed.GetValue(format)!, io);
            string[] wanted = parsed.GetValue(ids)!;
            return await session.GuardAsync(async () =>
            {
                await using var connection = await session.ConnectAsync(options, ct);
                var found = new List<MessageBatch>();
                int code = CliExit.Ok;
                foreach (string id in wanted)
                {
                    try
                    {
                        found.Add(await connection.Api.GetAsync(id, ct));
                    }
                    catch (BatchApiException e)
                    {
                        int c = session.Fail(e, CliText.Safe(id));
                        if (code == CliExit.Ok) code = c;
                    }
                }
                LabelStore? labels = connection.IsSimulator ? null
                    : LabelStore.Open(session.StateDirectory(), CacheScope.Of(connection.Api), io.Time);
                if (found.Count > 0)
                    BatchOutput.Write(io, found, fmt, many: wanted.Length > 1, (w, b) =>
                    {
                        BatchOutput.Block(w, b, io.Time.GetUtcNow());
                        BatchOutput.Local(w, labels?.Get(b.Id));
                    }, labels is null ? null : labels.Get);
                return code;
            }, ct);
        });
        return command;
    }
}
