using BatchTui.Core.Results.Index;
using BatchTui.Core.Results.Query;
using BatchTui.Core.State;
using BatchTui.Core.Text;
using System.Globalization;
using System.Text;

namespace BatchTui.Core.Results.Export;

/// <summary>
/// Writes the rows of a view (the current filter and sort) to a file, through a temp file renamed at the end so a
/// canceled export leaves nothing half-written. Returns the number of rows written. Parquet rows carry
/// <c>batchId</c> in their batch_id column (null for a local file).
/// </summary>
public static class ResultsExporter
{
    public static readonly string[] CsvHeader =
        ["custom_id", "type", "stop_reason", "error_type", "input_tokens", "output_tokens", "cache_read_input_tokens", "cache_creation_input_tokens", "text"];

    public static async Task<int> ExportAsync(ResultsView view, string path, ExportFormat format, IProgress<int>? progress = null, CancellationToken ct = default,
        string? batchId = null)
    {
        string full = Path.GetFullPath(path);
        string temp = full + $".{Guid.NewGuid():N}.tmp";
        int written = 0;
        try
        {
            // 0600 as the CLI's -o: results are customer data, whatever the umask (the mode survives the rename).
            await using (var file = new FileStream(temp, PrivateFiles.NewFile(FileAccess.Write, FileOptions.Asynchronous, 1 << 16)))
            {
                written = format == ExportFormat.Parquet
                    ? await ParquetExport.WriteViewAsync(view, batchId, file, progress, ct).ConfigureAwait(false)
                    : await WriteTextAsync(view, file, format, progress, ct).ConfigureAwait(false);
            }
            File.Move(temp, full, overwrite: true);
        }
        catch
        {
            try { File.Delete(temp); } catch (IOException) { }
            throw;
        }
        progress?.Report(written);
        return written;
    }

    private static async Task<int> WriteTextAsync(ResultsView view, FileStream file, ExportFormat format, IProgress<int>? progress, CancellationToken ct)
    {
        int written = 0;
        var utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
        await using var text = new StreamWriter(file, utf8, 1 << 16, leaveOpen: true) { NewLine = "\n" };
        ResultsIndex index = view.Index;
        if (format == ExportFormat.Csv) await text.WriteLineAsync(Csv.Row(CsvHeader)).ConfigureAwait(false);
        for (int i = 0; i < view.Count; i++)
        {
            ct.ThrowIfCancellationRequested();
            int row = view[i];
            ResultEntry e = index[row];
            byte[] line = index.ReadLine(e);
            switch (format)
            {
                case ExportFormat.Jsonl:
                    await text.FlushAsync(ct).ConfigureAwait(false);
                    await file.WriteAsync(line, ct).ConfigureAwait(false);
                    file.WriteByte((byte)'\n');
                    break;
                case ExportFormat.Csv:
                    await text.WriteLineAsync(Csv.Row(CsvFields(index, row, e, line))).ConfigureAwait(false);
                    break;
                default:
                    // Untrusted text: `cat export.txt` must replay no escape sequence.
                    await text.WriteLineAsync(UntrustedText.ForFile(TextBlock(index, row, e, line))).ConfigureAwait(false);
                    break;
            }
            written++;
            if ((written & 1023) == 0) progress?.Report(written);
        }
        await text.FlushAsync(ct).ConfigureAwait(false);
        return written;
    }

    private static IEnumerable<string> CsvFields(ResultsIndex index, int row, ResultEntry e, byte[] line)
    {
        string reason = index.Reason(e);
        yield return e.CustomId;
        yield return e.Kind.ToWire();
        yield return e.Kind == ResultKind.Succeeded ? reason : "";
        yield return e.Kind == ResultKind.Errored ? reason : "";
        yield return e.InputTokens.ToString(CultureInfo.InvariantCulture);
        yield return e.OutputTokens.ToString(CultureInfo.InvariantCulture);
        yield return e.CacheReadTokens.ToString(CultureInfo.InvariantCulture);
        yield return e.CacheCreationTokens.ToString(CultureInfo.InvariantCulture);
        yield return e.Kind == ResultKind.Unparseable ? index.Problem(row) ?? "" : ResultText.Of(line);
    }

    private static string TextBlock(ResultsIndex index, int row, ResultEntry e, byte[] line)
    {
        string reason = index.Reason(e);
        string head = $"### {(e.CustomId.Length > 0 ? e.CustomId : $"line {e.LineNumber}")} · {e.Kind.ToWire()}{(reason.Length > 0 ? " · " + reason : "")}"
            + (e.Kind == ResultKind.Succeeded ? $" · {e.InputTokens} in / {e.OutputTokens} out" : "");
        string body = e.Kind switch
        {
            ResultKind.Unparseable => index.Problem(row) ?? "unparseable",
            ResultKind.Canceled => "(canceled before it was processed)",
            ResultKind.Expired => "(expired before it was processed)",
            _ => ResultText.Of(line),
        };
        return $"{head}\n{body}\n";
    }
}
