using Parquet;
using Parquet.Schema;

namespace BatchTui.Core.Results.Export;

/// <summary>
/// Writes <see cref="ResultRow"/>s to a Parquet file in row groups: rows are buffered and written out column by
/// column every <see cref="MaxRowsPerGroup"/> rows (or the count given), or sooner once their texts pass <see cref="MaxCharsPerGroup"/>, so
/// memory stays flat for any number of results (a results line can be megabytes). Call <see cref="CompleteAsync"/>
/// to write the last group; disposing writes the footer.
/// </summary>
public sealed class ParquetResultsWriter : IAsyncDisposable
{
    public const int MaxRowsPerGroup = 50_000;
    /// <summary>
    /// Characters of text (raw lines, first texts, messages) buffered before a group is written: ~16 MB of UTF-16,
    /// which Parquet.Net copies again while encoding. Measured on the 100,000-result file (bench/parquet/run.sh): 32M
    /// characters peaked at ~510 MB RSS, 8M at ~350 MB, 4M at ~300 MB with a 7% larger file; 8M is the middle.
    /// </summary>
    public const long MaxCharsPerGroup = 8L << 20;

    private readonly ParquetWriter _writer;
    private readonly DataField[] _fields;
    private readonly bool _withBatchId;
    private readonly int _rowsPerGroup;
    private readonly List<ResultRow> _rows = [];
    private long _chars;

    private ParquetResultsWriter(ParquetWriter writer, ParquetSchema schema, bool withBatchId, int rowsPerGroup)
    {
        _rowsPerGroup = rowsPerGroup;
        _writer = writer;
        _withBatchId = withBatchId;
        _fields = schema.GetDataFields();
    }

    /// <summary>Rows written so far (all of them after <see cref="CompleteAsync"/>).</summary>
    public long Rows { get; private set; }
    public int RowGroups { get; private set; }

    /// <summary>
    /// The columns, in order. A Hive-partitioned dataset leaves batch_id out of the files (<paramref name="withBatchId"/>
    /// false): its folder name carries it, and readers add it back as a column.
    /// </summary>
    public static ParquetSchema Schema(bool withBatchId = true)
    {
        var fields = new List<Field>();
        if (withBatchId) fields.Add(new DataField<string>("batch_id", nullable: true));
        fields.AddRange(
        [
            new DataField<string>("custom_id", nullable: true),
            new DataField<string>("result_type", nullable: false),
            new DataField<string>("stop_reason", nullable: true),
            new DataField<string>("error_type", nullable: true),
            new DataField<string>("error_message", nullable: true),
            new DataField<string>("model", nullable: true),
            new DataField<long>("input_tokens"),
            new DataField<long>("output_tokens"),
            new DataField<long>("cache_read_tokens"),
            new DataField<long>("cache_write_tokens"),
            new DataField<string>("first_text", nullable: true),
            new DataField<bool>("has_thinking"),
            new ListField("tool_names", new DataField<string>("element", nullable: false)),
            new DataField<string>("raw_line", nullable: true),
        ]);
        return new ParquetSchema(fields);
    }

    /// <summary>Starts a file on <paramref name="output"/> (writable and seekable, e.g. a <see cref="FileStream"/>).</summary>
    public static async Task<ParquetResultsWriter> CreateAsync(Stream output, bool withBatchId = true, CancellationToken ct = default,
        int rowsPerGroup = MaxRowsPerGroup)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(rowsPerGroup, 1);
        ParquetSchema schema = Schema(withBatchId);
        ParquetWriter writer = await ParquetWriter.CreateAsync(schema, output, cancellationToken: ct).ConfigureAwait(false);
        return new ParquetResultsWriter(writer, schema, withBatchId, rowsPerGroup);
    }

    public async ValueTask AddAsync(ResultRow row, CancellationToken ct = default)
    {
        _rows.Add(row);
        _chars += (row.RawLine?.Length ?? 0) + (row.FirstText?.Length ?? 0) + (row.ErrorMessage?.Length ?? 0) + 64;
        if (_rows.Count >= _rowsPerGroup || _chars >= MaxCharsPerGroup) await FlushAsync(ct).ConfigureAwait(false);
    }

    /// <summary>Writes the rows still buffered as the last group.</summary>
    public Task CompleteAsync(CancellationToken ct = default) => FlushAsync(ct);

    private async Task FlushAsync(CancellationToken ct)
    {
        if (_rows.Count == 0) return;
        ct.ThrowIfCancellationRequested();
        using (ParquetRowGroupWriter group = _writer.CreateRowGroup())
        {
            int i = 0;
            if (_withBatchId) await group.WriteAsync(_fields[i++], _rows.Select(r => r.BatchId).ToArray()).ConfigureAwait(false);
            await group.WriteAsync(_fields[i++], _rows.Select(r => r.CustomId).ToArray()).ConfigureAwait(false);
            await group.WriteAsync(_fields[i++], _rows.Select(r => (string?)r.ResultType).ToArray()).ConfigureAwait(false);
            await group.WriteAsync(_fields[i++], _rows.Select(r => r.StopReason).ToArray()).ConfigureAwait(false);
            await group.WriteAsync(_fields[i++], _rows.Select(r => r.ErrorType).ToArray()).ConfigureAwait(false);
            await group.WriteAsync(_fields[i++], _rows.Select(r => r.ErrorMessage).ToArray()).ConfigureAwait(false);
            await group.WriteAsync(_fields[i++], _rows.Select(r => r.Model).ToArray()).ConfigureAwait(false);
            await group.WriteAsync(_fields[i++], Longs(r => r.InputTokens), cancellationToken: ct).ConfigureAwait(false);
            await group.WriteAsync(_fields[i++], Longs(r => r.OutputTokens), cancellationToken: ct).ConfigureAwait(false);
            await group.WriteAsync(_fields[i++], Longs(r => r.CacheReadTokens), cancellationToken: ct).ConfigureAwait(false);
            await group.WriteAsync(_fields[i++], Longs(r => r.CacheWriteTokens), cancellationToken: ct).ConfigureAwait(false);
            await group.WriteAsync(_fields[i++], _rows.Select(r => r.FirstText).ToArray()).ConfigureAwait(false);
            await group.WriteAsync(_fields[i++], new ReadOnlyMemory<bool>(_rows.Select(r => r.HasThinking).ToArray()), cancellationToken: ct).ConfigureAwait(false);
            await WriteToolNamesAsync(group, _fields[i++], ct).ConfigureAwait(false);
            await group.WriteAsync(_fields[i++], _rows.Select(r => r.RawLine).ToArray()).ConfigureAwait(false);
            group.CompleteValidate();
        }
        Rows += _rows.Count;
        RowGroups++;
        _rows.Clear();
        _chars = 0;
    }

    private ReadOnlyMemory<long> Longs(Func<ResultRow, long> pick) => _rows.Select(pick).ToArray();

    /// <summary>
    /// A list column by its levels: each row starts at repetition level 0, later elements of the same list are at 1;
    /// an element is fully defined (the field's maximum definition level) and an empty list stops one level short.
    /// </summary>
    private async Task WriteToolNamesAsync(ParquetRowGroupWriter group, DataField field, CancellationToken ct)
    {
        var values = new List<ReadOnlyMemory<char>>();
        var definitions = new List<int>();
        var repetitions = new List<int>();
        int present = field.MaxDefinitionLevel, empty = present - 1;
        foreach (ResultRow row in _rows)
        {
            if (row.ToolNames.Count == 0)
            {
                definitions.Add(empty);
                repetitions.Add(0);
                continue;
            }
            for (int k = 0; k < row.ToolNames.Count; k++)
            {
                values.Add(row.ToolNames[k].AsMemory());
                definitions.Add(present);
                repetitions.Add(k == 0 ? 0 : 1);
            }
        }
        await group.WriteAllPartsAsync<ReadOnlyMemory<char>>(field, values.ToArray(), definitions.ToArray(), repetitions.ToArray(), ct).ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync() => await _writer.DisposeAsync().ConfigureAwait(false);
}
