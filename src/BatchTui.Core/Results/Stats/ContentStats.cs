using BatchTui.Core.Results.Index;
using BatchTui.Core.Results.Query;
using System.Buffers;

namespace BatchTui.Core.Results.Stats;

/// <summary>
/// What only a read of the lines answers, for the succeeded results of a set of rows: content block types, tool
/// names, citation domains (results containing each) and a histogram of text length. Built by <see cref="Scan"/>,
/// which is cancellable and reports progress, so a UI runs it in the background and shows the rest meanwhile.
/// </summary>
public sealed record ContentStats(int Scanned, IReadOnlyList<FrequencyTable> Tables, Histogram TextLength)
{
    /// <summary>Reads every succeeded row of <paramref name="rows"/> from the file.</summary>
    /// <param name="progress">Called now and then with (rows done, rows to do), on the calling thread.</param>
    public static ContentStats Scan(ResultsIndex index, IReadOnlyList<int> rows, Action<int, int>? progress = null, CancellationToken ct = default)
    {
        // Ascending rows: the file is read front to back and each value's rows come out sorted for ResultsFacet.Rows.
        int[] todo = rows.Where(r => index[r].Kind == ResultKind.Succeeded).Order().ToArray();
        var blocks = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        var tools = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        var domains = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        int[] lengths = Histogram.NewCounts();
        var lengthRows = new List<int>[lengths.Length];
        var content = new LineContent();
        byte[] buffer = ArrayPool<byte>.Shared.Rent(64 * 1024);
        try
        {
            for (int i = 0; i < todo.Length; i++)
            {
                if ((i & 0x3FF) == 0)
                {
                    ct.ThrowIfCancellationRequested();
                    progress?.Invoke(i, todo.Length);
                }
                int row = todo[i];
                ResultEntry e = index[row];
                if (e.Length > buffer.Length)
                {
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = ArrayPool<byte>.Shared.Rent(e.Length);
                }
                int n = index.ReadAt(e.Offset, buffer.AsSpan(0, e.Length));
                if (!content.Read(buffer.AsMemory(0, n))) continue;
                foreach (string b in content.Blocks) Add(blocks, b, row);
                foreach (string t in content.Tools) Add(tools, t, row);
                foreach (string d in content.Domains) Add(domains, d, row);
                int bucket = LogBuckets.Of(content.TextLength);
                lengths[bucket]++;
                (lengthRows[bucket] ??= []).Add(row);
            }
            progress?.Invoke(todo.Length, todo.Length);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }

        int of = todo.Length;
        var tables = new List<FrequencyTable>
        {
            Table("content_block_type", $"content block types (results containing, of {of:N0} succeeded)", of, blocks, "block"),
            Table("tool_name", $"tools called (results calling, of {of:N0} succeeded)", of, tools, "tool"),
            Table("citation_domain", $"citation source domains (results citing, of {of:N0} succeeded)", of, domains, "cites"),
        };
        var text = Histogram.From("text_length", $"text length in characters (of {of:N0} succeeded)", lengths,
            (from, _, label) => f => f.WithFacet(ResultsFacet.Rows("text length", label, lengthRows[LogBuckets.Of(from)]?.ToArray() ?? [])));
        return new ContentStats(of, tables, text);
    }

    private static void Add(Dictionary<string, List<int>> map, string value, int row)
    {
        if (!map.TryGetValue(value, out List<int>? list)) map[value] = list = [];
        list.Add(row);
    }

    private static FrequencyTable Table(string name, string title, int of, Dictionary<string, List<int>> map, string facet) =>
        FrequencyTables.Of(name, title, of, map.Select(kv => KeyValuePair.Create(kv.Key, kv.Value.Count)),
            v => f => f.WithFacet(ResultsFacet.Rows(facet, v, map[v].ToArray())));
}
