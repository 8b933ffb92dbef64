using BatchTui.Core.Api;
using BatchTui.Core.Labels;
using BatchTui.Core.Text;
using System.Text;
using System.Text.Json;

namespace BatchTui.Cli;

/// <summary>
/// Batches on stdout: <c>json</c> (the API's object as sent, indented; an array when several ids were asked),
/// <c>jsonl</c> (one compact object per line), <c>table</c> (a block per batch, untrusted text made safe).
/// JSON goes through System.Text.Json's default encoder, which escapes every control character.
/// </summary>
internal static class BatchOutput
{
    /// <summary>auto → table on a terminal, else <paramref name="piped"/>.</summary>
    public static string Resolve(string format, CliIo io, string piped = "json") =>
        format == "auto" ? (io.OutIsTerminal ? "table" : piped) : format;

    /// <param name="local">Local labels and notes: json and jsonl carry them under <c>"local"</c> (see <see cref="CliLabels"/>).</param>
    public static void Write(CliIo io, IReadOnlyList<MessageBatch> batches, string format, bool many, Action<TextWriter, MessageBatch> table,
        Func<string, BatchNote?>? local = null)
    {
        switch (format)
        {
            case "json" when local is not null:
                io.Out.WriteLine(CliLabels.Json(many ? batches : [batches[0]], local, indented: true, array: many));
                break;
            case "jsonl" when local is not null:
                foreach (var b in batches) io.Out.WriteLine(CliLabels.Json([b], local, indented: false, array: false));
                break;
            case "json":
                io.Out.WriteLine(many ? Json(batches.Select(b => b.RawJson), indented: true, array: true) : Json([batches[0].RawJson], true, false));
                break;
            case "jsonl":
                foreach (var b in batches) io.Out.WriteLine(Json([b.RawJson], indented: false, array: false));
                break;
            default:
                foreach (var b in batches) table(io.Out, b);
                break;
        }
        io.Out.Flush();
    }

    /// <summary>Re-serialised from the raw JSON: same fields, same order, numbers as sent.</summary>
    public static string Json(IEnumerable<string> raws, bool indented, bool array)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = indented }))
        {
            if (array) w.WriteStartArray();
            foreach (string raw in raws)
            {
                using var doc = JsonDocument.Parse(raw);
                doc.RootElement.WriteTo(w);
            }
            if (array) w.WriteEndArray();
        }
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>One line for cancel and friends: id, status, counts.</summary>
    public static void Row(TextWriter to, MessageBatch b) =>
        to.WriteLine($"{CliText.Safe(b.Id)}  {Status(b)}  {Counts(b.Counts)}");

    /// <summary><c>get</c>'s block: status, all five timestamps (absolute UTC and relative), counts.</summary>
    public static void Block(TextWriter to, MessageBatch b, DateTimeOffset now)
    {
        to.WriteLine($"{CliText.Safe(b.Id)}  {Status(b)}");
        to.WriteLine($"  requests            {Counts(b.Counts)}");
        Time(to, "created_at", b.CreatedAt, now);
        Time(to, "expires_at", b.ExpiresAt, now);
        Time(to, "ended_at", b.EndedAt, now);
        Time(to, "cancel_initiated_at", b.CancelInitiatedAt, now);
        Time(to, "archived_at", b.ArchivedAt, now);
        if (b.ResultsUrl is { } url) to.WriteLine($"  results_url         {CliText.Safe(url)}");
    }

    /// <summary>The local label and note under <see cref="Block"/>, when there are any.</summary>
    public static void Local(TextWriter to, BatchNote? local)
    {
        if (local?.Label is { } label) to.WriteLine($"  label               {CliText.Safe(label)}");
        if (local?.Note is { } note)
        {
            string[] lines = UntrustedText.ForTerminalLines(note).Split('\n');
            for (int i = 0; i < lines.Length; i++) to.WriteLine($"  {(i == 0 ? "note" : ""),-19} {lines[i]}");
        }
    }

    public static string Status(MessageBatch b)
    {
        string s = b.Status == BatchStatus.Unknown ? RawStatus(b) : b.Status.ToWire();
        return CliText.Safe(s) + (b.ArchivedAt is null ? "" : " (archived)");
    }

    public static string Counts(RequestCounts c) =>
        $"{N(c.Total)} requests: {N(c.Succeeded)} succeeded, {N(c.Errored)} errored, {N(c.Canceled)} canceled, {N(c.Expired)} expired, {N(c.Processing)} processing";

    private static void Time(TextWriter to, string label, DateTimeOffset? at, DateTimeOffset now) =>
        to.WriteLine(at is { } t
            ? $"  {label,-19} {RelativeTime.Absolute(t, TimeZoneInfo.Utc)}  ({RelativeTime.FromPrecise(t, now)})"
            : $"  {label,-19} -");

    public static string N(long n) => Core.Text.Units.N(n);

    private static string RawStatus(MessageBatch b)
    {
        try
        {
            using var doc = JsonDocument.Parse(b.RawJson);
            return doc.RootElement.TryGetProperty("processing_status", out var s) && s.ValueKind == JsonValueKind.String ? s.GetString()! : "unknown";
        }
        catch (JsonException)
        {
            return "unknown";
        }
    }
}
