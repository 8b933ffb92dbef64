namespace BatchTui.Core.Results.Export;

/// <summary>
/// JSONL: the raw lines, byte for byte. CSV: one row per result. Text: the answers, readable. Parquet: one typed row
/// per result, for DuckDB, Spark and pandas (<see cref="ParquetResults"/>).
/// </summary>
public enum ExportFormat { Jsonl, Csv, Text, Parquet }

public static class ExportFormatText
{
    public static string Extension(this ExportFormat f) => f switch { ExportFormat.Jsonl => ".jsonl", ExportFormat.Csv => ".csv", ExportFormat.Parquet => ".parquet", _ => ".txt" };

    public static bool TryFromPath(string path, out ExportFormat format)
    {
        string ext = Path.GetExtension(path).ToLowerInvariant();
        format = ext switch { ".csv" => ExportFormat.Csv, ".txt" or ".text" => ExportFormat.Text, ".parquet" => ExportFormat.Parquet, _ => ExportFormat.Jsonl };
        return ext is ".csv" or ".txt" or ".text" or ".jsonl" or ".json" or ".parquet";
    }
}
