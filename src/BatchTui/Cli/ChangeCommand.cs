using BatchTui.Core.Api;
using System.CommandLine;

namespace BatchTui.Cli;

/// <summary>
/// <c>batchtui cancel ID…</c> and <c>batchtui delete ID…</c>: asks on a terminal naming every id (<c>--yes</c> off a
/// terminal), then acts on each in turn. A refusal is the API's own message with its request-id; the other ids are
/// still tried. A read-only profile refuses before anything is sent.
/// </summary>
internal static class ChangeCommand
{
    public enum Kind { Cancel, Delete }

    public static Command Build(Kind kind, CliOptions config, CliIo io, CancellationToken ct)
    {
        string verb = kind == Kind.Cancel ? "cancel" : "delete";
        var ids = config.Ids("batch ids (msgbatch_…)");
        var yes = CliOptions.Yes($"{verb} without asking (required when stdin is not a terminal)");
        var format = CliOptions.Format("auto", "table", "json", "jsonl");
        string what = kind == Kind.Cancel
            ? "Cancel running batches: each moves to canceling, then ends with its unprocessed requests canceled.\nPrints each batch as it is after the call."
            : "Delete ended batches and their results on the server (a running batch must be canceled first; the local\nresults cache keeps its copy). Prints {\"id\", \"type\": \"message_batch_deleted\"} per batch in json.";
        var command = new Command(verb, $"""
            {what}
            Asks first on a terminal, naming every id; --yes otherwise.
            Exit codes: 0 done, 3 the API refused in this state (its message and request-id on stderr), 5 unknown
            batch, 4 not confirmed, 2 usage or a read-only profile, 1 other API errors or no answer.
            """) { ids, yes, format };
        config.AddTo(command);
        command.SetAction(async (parsed, _) =>
        {
            var session = new CliSession(verb, io);
            if (session.Load(config.ToConfigArgs(parsed)) is not { } options) return CliExit.Usage;
            if (options.ReadOnly)
            {
                session.Error($"read-only (profile {CliText.Safe(options.ProfileName)}, --read-only or readOnly in the config): nothing was {verb}{(kind == Kind.Cancel ? "ed" : "d")}");
                return CliExit.Usage;
            }
            string[] wanted = parsed.GetValue(ids)!.Distinct(StringComparer.Ordinal).ToArray();
            string fmt = BatchOutput.Resolve(parsed.GetValue(format)!, io);
            return await session.GuardAsync(async () =>
            {
                string question = $"{char.ToUpperInvariant(verb[0])}{verb[1..]} {Plural(wanted.Length)}: {string.Join(", ", wanted.Select(CliText.Safe))}?";
                if (!await session.ConfirmAsync(question, parsed.GetValue(yes), ct)) return CliExit.NotConfirmed;
                await using var connection = await session.ConnectAsync(options, ct);
                int code = CliExit.Ok;
                var done = new List<MessageBatch>();
                foreach (string id in wanted)
                {
                    try
                    {
                        if (kind == Kind.Cancel) done.Add(await connection.Api.CancelAsync(id, ct));
                        else
                        {
                            string deleted = await connection.Api.DeleteAsync(id, ct);
                            done.Add(Deleted(deleted));
                        }
                    }
                    catch (BatchApiException e)
                    {
                        int c = session.Fail(e, CliText.Safe(id));
                        if (code == CliExit.Ok) code = c;
                    }
                }
                if (done.Count > 0)
                    BatchOutput.Write(io, done, fmt, many: wanted.Length > 1, kind == Kind.Cancel
                        ? BatchOutput.Row
                        : (w, b) => w.WriteLine($"{CliText.Safe(b.Id)}  deleted"));
                return code;
            }, ct);
        });
        return command;
    }

    private static string Plural(int n) => n == 1 ? "1 batch" : $"{n} batches";

    // Delete answers {id, type}; carried in a MessageBatch only for the shared printer.
    private static MessageBatch Deleted(string id) => new(id, BatchStatus.Unknown, new RequestCounts(0, 0, 0, 0, 0),
        default, default, null, null, null, null,
        BatchOutput.Json([System.Text.Json.JsonSerializer.Serialize(new DeletedBatch(id, "message_batch_deleted"), CliJson.Default.DeletedBatch)], false, false));
}

internal sealed record DeletedBatch(
    [property: System.Text.Json.Serialization.JsonPropertyName("id")] string Id,
    [property: System.Text.Json.Serialization.JsonPropertyName("type")] string Type);

[System.Text.Json.Serialization.JsonSerializable(typeof(DeletedBatch))]
internal sealed partial class CliJson : System.Text.Json.Serialization.JsonSerializerContext;
