using BatchTui.Core.Labels;
using BatchTui.Core.Text;
using System.CommandLine;
using System.Text;
using System.Text.Json;

namespace BatchTui.Cli;

/// <summary>
/// <c>batchtui label ID [TEXT]</c> and <c>batchtui note ID [TEXT]</c>: print, set or (<c>--clear</c>) clear a batch's
/// local label or note. Local data: the API is not asked (the batch may be archived or deleted; it works offline
/// and under --read-only), and the store is the one for the configured API origin, shared with the TUI.
/// </summary>
internal static class LabelCommand
{
    public enum Kind { Label, Note }

    public static Command Build(Kind kind, CliOptions config, CliIo io, CancellationToken ct)
    {
        string verb = kind == Kind.Label ? "label" : "note";
        var id = config.Id("batch id (msgbatch_…)");
        var text = new Argument<string?>("TEXT")
        {
            Description = kind == Kind.Label
                ? $"the new label: one line, at most {LabelText.MaxLabel} characters (longer is cut)"
                : $"the new note (- reads it from stdin; at most {LabelText.MaxNote} characters)",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var clear = new Option<bool>("--clear") { Description = $"remove the {verb}" };
        var json = new Option<bool>("--json") { Description = "print {\"id\", \"local\": {label, note, updated_at} or null}" };
        var command = new Command(verb, $"""
            Print, set or clear the local {verb} of a batch (kept in $XDG_STATE_HOME/batchtui/labels, per API origin;
            the API has no field for it). With no TEXT it prints the {verb} (nothing when there is none).
            The TUI shows it ({(kind == Kind.Label ? "L" : "N")} sets it there); list and get --json carry it under "local".
            Exit codes: 0 done, 2 usage (or demo mode: no API origin to keep it for), 1 the labels file cannot be written.
            """) { id, text, clear, json };
        config.AddTo(command);
        command.SetAction(async (parsed, _) =>
        {
            var session = new CliSession(verb, io);
            if (session.Load(config.ToConfigArgs(parsed)) is not { } options) return CliExit.Usage;
            string batchId = parsed.GetValue(id)!;
            string? value = parsed.GetValue(text);
            bool clearing = parsed.GetValue(clear);
            if (clearing && value is not null)
            {
                session.Error($"--clear or TEXT, not both");
                return CliExit.Usage;
            }
            if (CliLabels.For(options, io.Var) is not { } store)
            {
                session.Error("demo mode (no ANTHROPIC_API_KEY): labels are kept per API origin, and the demo simulator is a new one every command");
                return CliExit.Usage;
            }
            return await session.GuardAsync(async () =>
            {
                if (store.Problem is { } problem && value is null && !clearing) session.Error(problem);
                if (value is null && !clearing)
                {
                    Print(io, batchId, store.Get(batchId), kind, parsed.GetValue(json));
                    return CliExit.Ok;
                }
                if (kind == Kind.Note && value == "-") value = await io.In.ReadToEndAsync(ct);
                BatchNote? now = kind == Kind.Label
                    ? await store.SetLabelAsync(batchId, clearing ? null : value, ct)
                    : await store.SetNoteAsync(batchId, clearing ? null : value, ct);
                string? after = kind == Kind.Label ? now?.Label : now?.Note;
                io.Err.WriteLine(after is null
                    ? $"{verb} of {CliText.Safe(batchId)} cleared"
                    : $"{verb} of {CliText.Safe(batchId)} saved{(kind == Kind.Label ? $": {CliText.Safe(after)}" : "")}");
                if (parsed.GetValue(json)) Print(io, batchId, now, kind, json: true);
                return CliExit.Ok;
            }, ct);
        });
        return command;
    }

    private static void Print(CliIo io, string batchId, BatchNote? local, Kind kind, bool json)
    {
        if (json)
        {
            using var buffer = new MemoryStream();
            using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
            {
                w.WriteStartObject();
                w.WriteString("id", batchId);
                w.WritePropertyName("local");
                if (local is null) w.WriteNullValue();
                else CliLabels.WriteLocal(w, local);
                w.WriteEndObject();
            }
            io.Out.WriteLine(Encoding.UTF8.GetString(buffer.ToArray()));
            return;
        }
        // Printed as data (stdout), made safe: the file may have been edited by hand.
        if (kind == Kind.Label && local?.Label is { } label) io.Out.WriteLine(CliText.Safe(label));
        if (kind == Kind.Note && local?.Note is { } note) io.Out.WriteLine(UntrustedText.ForTerminalLines(note));
        io.Out.Flush();
    }
}
