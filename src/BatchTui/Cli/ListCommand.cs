using BatchTui.Core.Api;
using BatchTui.Core.Config;
using BatchTui.Core.Labels;
using BatchTui.Core.Results.Store;
using BatchTui.Core.State;
using BatchTui.Core.Text;
using BatchTui.Hosting;
using BatchTui.Simulator;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace BatchTui.Cli;

/// <summary>
/// <c>batchtui list</c>: one page of batches as a table (or the API's JSON with <c>--json</c>), from the configured
/// API or, in demo mode, the embedded simulator. An API error is one line on stderr and exit code 1.
/// </summary>
internal static class ListCommand
{
    private const string Help = """
        usage: batchtui list [--limit N] [--after ID] [--before ID] [--format auto|table|json|jsonl] [config flags]

          --limit N      batches on the page, 1..1000 (default: pageSize, 50)
          --after ID     the page after (older than) batch ID; the footer shows the next command
          --before ID    the page before (newer than) batch ID
          --format F     auto (table on a terminal, json when piped), table, json (the page: data as the API sent
                         it, first_id, last_id, has_more), jsonl (one batch per line)
          --json         the same as --format json

        stdout holds the data only; the connection line and every error go to stderr.
        Exit codes: 0 listed, 1 API error or no answer, 2 usage (see batchtui --help for the full table).
        """;

    public static Task<int> RunAsync(string[] args) => CliCancellation.RunAsync(ct => RunAsync(args, CliIo.Process(), ct));

    internal static Task<int> RunAsync(string[] args, CliIo io, CancellationToken ct) =>
        RunAsync(args, io.Out, io.Err, io.Env, io.ConfigPath, io.Simulator, ct, io.OutIsTerminal);

    internal static Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr,
        IReadOnlyDictionary<string, string?> env, string? configPath, Func<string, SimulatorOptions>? simulator,
        CancellationToken ct) => RunAsync(args, stdout, stderr, env, configPath, simulator, ct, stdoutIsTerminal: true);

    private static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr,
        IReadOnlyDictionary<string, string?> env, string? configPath, Func<string, SimulatorOptions>? simulator,
        CancellationToken ct, bool stdoutIsTerminal)
    {
        BatchTuiOptions options;
        PageRequest page;
        string format = "auto";
        try
        {
            var loaded = ConfigLoader.Load(args, env, configPath);
            options = loaded.Options;
            int limit = options.PageSize;
            string? after = null, before = null;
            var rest = loaded.Rest;
            for (int i = 0; i < rest.Count; i++)
            {
                string arg = rest[i];
                string Value() => i + 1 < rest.Count && !rest[i + 1].StartsWith("--", StringComparison.Ordinal)
                    ? rest[++i] : throw new ConfigException($"{arg} needs a value");
                switch (arg)
                {
                    case "--limit":
                        string v = Value();
                        if (!int.TryParse(v, NumberStyles.Integer, CultureInfo.InvariantCulture, out limit) || limit is < 1 or > 1000)
                            throw new ConfigException($"--limit '{v}' must be a whole number between 1 and 1000");
                        break;
                    case "--after": after = Value(); break;
                    case "--before": before = Value(); break;
                    case "--json": format = "json"; break;
                    case "--format":
                        format = Value();
                        if (format is not ("auto" or "table" or "json" or "jsonl"))
                            throw new ConfigException($"--format '{format}' must be auto, table, json or jsonl");
                        break;
                    case "-h" or "--help":
                        stdout.WriteLine(Help);
                        stdout.WriteLine("config flags:");
                        foreach (string line in ConfigLoader.FlagHelp()) stdout.WriteLine("  " + line);
                        return 0;
                    default: throw new ConfigException($"unknown argument '{arg}' (see batchtui list --help)");
                }
            }
            if (after is not null && before is not null) throw new ConfigException("use --after or --before, not both");
            page = new PageRequest(limit, before, after);
        }
        catch (ConfigException e)
        {
            stderr.WriteLine($"batchtui list: {e.Message}");
            return 2;
        }

        try
        {
            await using var connection = await ApiConnection.OpenAsync(options, simulator, ct);
            // stdout is for the data alone.
            stderr.WriteLine(CliText.Safe(connection.Describe()));
            BatchPage result = await connection.Api.ListAsync(page, ct);
            // Local labels and notes (none in demo mode: that simulator is new every command).
            LabelStore? labels = connection.IsSimulator ? null
                : LabelStore.Open(StateDirectory.Resolve(k => env.TryGetValue(k, out string? v) ? v : null), CacheScope.Of(connection.Api));
            if (labels?.Problem is { } problem) stderr.WriteLine($"batchtui list: labels not shown: {CliText.Safe(problem)}");
            if (format == "auto") format = stdoutIsTerminal ? "table" : "json";
            if (format == "json") stdout.WriteLine(PageJson(result, labels is null ? null : labels.Get));
            else if (format == "jsonl")
                foreach (var b in result.Data)
                    stdout.WriteLine(labels is null ? BatchOutput.Json([b.RawJson], indented: false, array: false) : CliLabels.Json([b], labels.Get, false, false));
            else WriteTable(stdout, result, page, labels is null ? null : labels.LabelOf);
            LastList.Save(k => env.TryGetValue(k, out string? v) ? v : null, result.Data.Select(b => b.Id));
            return 0;
        }
        catch (BatchApiException e)
        {
            stderr.WriteLine($"batchtui list: {UntrustedText.ForTerminal(e.Message)}");
            return 1;
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            stderr.WriteLine("batchtui list: canceled");
            return 130;
        }
    }

    /// <param name="labelOf">Local labels: a LABEL column last, when a batch on the page has one.</param>
    internal static void WriteTable(TextWriter to, BatchPage page, PageRequest asked, Func<string, string?>? labelOf = null)
    {
        if (page.Data.Count == 0)
        {
            to.WriteLine(asked.AfterId is null && asked.BeforeId is null ? "no batches" : "no batches on this page");
            return;
        }
        string[] header = ["ID", "STATUS", "REQUESTS", "PROCESSING", "SUCCEEDED", "ERRORED", "CANCELED", "EXPIRED", "CREATED (UTC)"];
        var rows = page.Data.Select(b => new[]
        {
            // The server's strings: shown, never obeyed (an ESC in an id would drive the terminal).
            UntrustedText.ForTerminal(b.Id),
            UntrustedText.ForTerminal(b.Status == BatchStatus.Unknown ? StatusFromRaw(b) : b.Status.ToWire() + (b.ArchivedAt is null ? "" : " (archived)")),
            N(b.Counts.Total), N(b.Counts.Processing), N(b.Counts.Succeeded), N(b.Counts.Errored), N(b.Counts.Canceled),
            N(b.Counts.Expired),
            b.CreatedAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
        }).ToList();
        if (labelOf is not null && page.Data.Any(b => labelOf(b.Id) is not null))
        {
            header = [.. header, "LABEL"];
            rows = rows.Select((r, i) => (string[])[.. r, CliText.Safe(labelOf(page.Data[i].Id))]).ToList();
        }
        int[] widths = header.Select((h, c) => Math.Max(h.Length, rows.Max(r => TextWidth.Of(r[c])))).ToArray();
        bool[] numeric = [false, false, true, true, true, true, true, true, false, false];

        // Trimmed: a batch without a label ends at its CREATED cell.
        string Line(string[] cells) => string.Join("  ", cells.Select((cell, c) =>
            c == cells.Length - 1 ? cell : TextWidth.Pad(cell, widths[c], right: numeric[c]))).TrimEnd();
        to.WriteLine(Line(header));
        foreach (var row in rows) to.WriteLine(Line(row));

        string count = $"{page.Data.Count} batch{(page.Data.Count == 1 ? "" : "es")}";
        if (!page.HasMore) to.WriteLine($"{count}; no more in this direction");
        else if (asked.BeforeId is not null) to.WriteLine($"{count}; newer: batchtui list --before {ShellQuote.Arg(UntrustedText.ForTerminal(page.FirstId ?? ""))}");
        else to.WriteLine($"{count}; older: batchtui list --after {ShellQuote.Arg(UntrustedText.ForTerminal(page.LastId ?? ""))}");
    }

    private static string N(long n) => Core.Text.Units.N(n);

    // A status this client does not know yet is shown as sent, not as "unknown".
    private static string StatusFromRaw(MessageBatch b)
    {
        using var doc = JsonDocument.Parse(b.RawJson);
        return doc.RootElement.TryGetProperty("processing_status", out var s) && s.ValueKind == JsonValueKind.String
            ? s.GetString()! : "unknown";
    }

    /// <summary>The page with every batch exactly as the API sent it (plus its <c>local</c> label and note, see
    /// <see cref="CliLabels"/>).</summary>
    internal static string PageJson(BatchPage page, Func<string, BatchNote?>? local = null)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            w.WriteStartObject();
            w.WriteStartArray("data");
            foreach (var b in page.Data)
            {
                // Re-indented, otherwise untouched: same fields, same order, numbers as sent.
                CliLabels.WriteBatch(w, b.RawJson, local?.Invoke(b.Id));
            }
            w.WriteEndArray();
            w.WriteString("first_id", page.FirstId);
            w.WriteString("last_id", page.LastId);
            w.WriteBoolean("has_more", page.HasMore);
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray());
    }
}
