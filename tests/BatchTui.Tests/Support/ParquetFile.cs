using Parquet;
using Parquet.Schema;

namespace BatchTui.Tests.Support;

/// <summary>Reads a Parquet file's string columns back (with Parquet.Net; the DuckDB read-back tests live in Core.Tests).</summary>
internal static class ParquetFile
{
    public static async Task<List<string?>> Strings(string path, string column)
    {
        await using ParquetReader reader = await ParquetReader.CreateAsync(path);
        DataField field = reader.Schema.GetDataFields().Single(f => f.Name == column);
        var values = new List<string?>();
        for (int g = 0; g < reader.RowGroupCount; g++)
        {
            using ParquetRowGroupReader rg = reader.OpenRowGroupReader(g);
            var buffer = new string?[rg.RowCount];
            await rg.ReadAsync(field, buffer.AsMemory(), null);
            values.AddRange(buffer);
        }
        return values;
    }

    public static async Task<string[]> Columns(string path)
    {
        await using ParquetReader reader = await ParquetReader.CreateAsync(path);
        return reader.Schema.Fields.Select(f => f.Name).ToArray();
    }
}
