using BatchTui.Core.Results.Export;
using BatchTui.Core.Results.Index;
using BatchTui.Core.Results.Query;
using BatchTui.Tui.Editor;
using BatchTui.Tui.Text;
using System.Globalization;
using System.Text;

namespace BatchTui.Cli;

/// <summary>
/// Streams a cached results file to a destination in one of <c>results</c>' formats, one line in memory at a time.
/// Human formats (table, text) and anything bound for a terminal go through <see cref="CliText.Safe"/>; jsonl bound
/// for a pipe or a file is written byte for byte. Parquet (a file only) goes through <see cref="ParquetExport"/>.
/// </summary>
internal sealed class ResultsWriter(ResultLineFilter filter, string format, string? batchId = null)
{
    private const int TextWidth = 80;
    private static readonly UTF8Encoding Utf8 = new(false);

    public long Read { get; private set; }
    public long Written { get; private set; }
    public long SkippedUnparseable { get; private set; }

    public async Task WriteAsync(string path, long knownLines, Stream dest, bool toTerminal, CancellationToken ct)
    {
        if (format == "parquet")
        {
            ParquetCounts counts = await ParquetExport.WriteFileAsync(path, batchId, filter, dest, ct: ct);
            (Read, Written) = (counts.Read, counts.Written);
            return;
        }
        await using var source = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan | FileOptions.Asynchronous);
        if (filter.IsEmpty && format == "jsonl" && !toTerminal)
        {
            // The API's body as it came: no line is touched.
            await source.CopyToAsync(dest, 1 << 20, ct);
            Written = Read = knownLines;
            return;
        }
        using var reader = new ResultLineReader(source);
        await using var text = new StreamWriter(dest, Utf8, 1 << 16, leaveOpen: true) { NewLine = "\n" };
        if (format == "csv") await text.WriteLineAsync(Csv.Row(ResultsExporter.CsvHeader));
        if (format == "table") await text.WriteLineAsync($"{"CUSTOM_ID",-24}  {"TYPE",-9}  {"REASON",-20}  {"IN",8}  {"OUT",8}  TEXT");
        if (format == "json") await text.WriteAsync("[");
        while (await reader.NextAsync(ct) is { } line)
        {
            if (reader.LastWasTooLong) { Read++; SkippedUnparseable++; continue; }
            Read++;
            ResultLineFacts f = filter.Read(line.Span);
            if (!filter.Matches(f)) continue;
            switch (format)
            {
                case "jsonl" when !toTerminal:
                    await text.FlushAsync(ct);
                    await dest.WriteAsync(line, ct);
                    dest.WriteByte((byte)'\n');
                    break;
                case "jsonl":
                    await text.WriteLineAsync(CliText.Safe(Utf8.GetString(line.Span)));
                    break;
                case "json":
                    if (f.Kind == ResultKind.Unparseable) { SkippedUnparseable++; continue; }
                    await text.WriteAsync(Written == 0 ? "\n" : ",\n");
                    if (toTerminal) await text.WriteAsync(CliText.Safe(Utf8.GetString(line.Span)));
                    else { await text.FlushAsync(ct); await dest.WriteAsync(line, ct); }
                    break;
                case "csv":
                    await text.WriteLineAsync(Csv.Row(CsvFields(f, line).Select(v => toTerminal ? CliText.Safe(v) : v)));
                    break;
                case "text":
                    await text.WriteLineAsync($"### {Id(f)} · {f.Kind.ToWire()}{(f.Reason.Length > 0 ? " · " + CliText.Safe(f.Reason) : "")}");
                    foreach (string l in Body(f, line).Split('\n')) await text.WriteLineAsync(CliText.Safe(l));
                    await text.WriteLineAsync();
                    break;
                default:
                    string first = Body(f, line).ReplaceLineEndings(" ");
                    if (first.Length > TextWidth) first = first[..TextWidth] + "…";
                    await text.WriteLineAsync($"{Id(f),-24}  {f.Kind.ToWire(),-9}  {CliText.Safe(f.Reason),-20}  {f.InputTokens,8}  {f.OutputTokens,8}  {CliText.Safe(first)}");
                    break;
            }
            Written++;
        }
        if (format == "json") await text.WriteLineAsync(Written == 0 ? "]" : "\n]");
        await text.FlushAsync(ct);
    }

    private static string Id(in ResultLineFacts f) => f.CustomId.Length > 0 ? CliText.Safe(f.CustomId) : "-";

    private static string Body(in ResultLineFacts f, ReadOnlyMemory<byte> line) => f.Kind switch
    {
        ResultKind.Unparseable => f.Problem ?? "unparseable",
        ResultKind.Canceled => "(canceled before it was processed)",
        ResultKind.Expired => "(expired before it was processed)",
        _ => FirstText.Of(line),
    };

    private static IEnumerable<string> CsvFields(ResultLineFacts f, ReadOnlyMemory<byte> line)
    {
        yield return f.CustomId;
        yield return f.Kind.ToWire();
        yield return f.StopReason;
        yield return f.ErrorType;
        yield return f.InputTokens.ToString(CultureInfo.InvariantCulture);
        yield return f.OutputTokens.ToString(CultureInfo.InvariantCulture);
        yield return f.CacheReadTokens.ToString(CultureInfo.InvariantCulture);
        yield return f.CacheCreationTokens.ToString(CultureInfo.InvariantCulture);
        yield return f.Kind == ResultKind.Unparseable ? f.Problem ?? "" : ResultText.Of(line.ToArray());
    }
}
