namespace BatchTui.Core.Results.Export;

/// <summary>JSONL: the raw lines, byte for byte. CSV: one row per result. Text: the answers, readable.</summary>
public enum ExportFormat { Jsonl, Csv, Text }

public static class ExportFormatText
{
    public static string Extension(this ExportFormat f) => f switch { ExportFormat.Jsonl => ".jsonl", ExportFormat.Csv => ".csv", _ => ".txt" };

    public static bool TryFromPath(string path, out ExportFormat format)
    {
        string ext = Path.GetExtension(path).ToLowerInvariant();
        format = ext switch { ".csv" => ExportFormat.Csv, ".txt" or ".text" => ExportFormat.Text, _ => ExportFormat.Jsonl };
        return ext is ".csv" or ".txt" or ".text" or ".jsonl" or ".json";
    }
}
