using BatchTui.Core.Results.Export;
using BatchTui.Core.Results.Index;
using BatchTui.Core.Results.Query;
using System.Text;
using System.Text.Json;
using static BatchTui.Core.Tests.Results.ResultLines;

namespace BatchTui.Core.Tests.Results;

/// <summary>Exported files hold the data, never its escape sequences or formulas (jsonl stays byte-exact).</summary>
public class ExportSanitisingTests
{
    private static readonly string[] Hostile =
    [
        Succeeded("=HYPERLINK(\\\"http://evil\\\",\\\"x\\\")", ResultLines.Text("\u001b]0;pwned\u0007title\u001b[2J then \u009b6n and \u007f")),
        Succeeded("+cmd", ResultLines.Text("@SUM(A1:A2)")),
        Succeeded("-2+3", ResultLines.Text("\tTabbed =1+1")),
        Succeeded("plain", ResultLines.Text("Great news \U0001F389 it works")),
    ];

    [Theory]
    [InlineData("=1+1", "'=1+1")]
    [InlineData("+1", "'+1")]
    [InlineData("-1", "'-1")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("\tx", "'\tx")]
    [InlineData("\rx", "'\u240dx")]
    [InlineData("a=1", "a=1")]
    [InlineData("esc\u001b[2J", "esc\u241b[2J")]
    public void Csv_cells_a_spreadsheet_would_evaluate_are_neutralised(string value, string cell) => Assert.Equal(cell, Csv.Neutral(value));

    [Fact]
    public async Task Csv_export_neutralises_formulas_and_controls()
    {
        using var dir = new TempDir();
        using var index = ResultsIndex.Build(WriteFile(dir, Hostile));
        string outPath = Path.Combine(dir.Path, "out.csv");
        await ResultsExporter.ExportAsync(new ResultsQuery(index).Run(ResultsFilter.None), outPath, ExportFormat.Csv);
        string csv = await File.ReadAllTextAsync(outPath);
        Assert.DoesNotContain('\u001b', csv);
        Assert.DoesNotContain('\u009b', csv);
        Assert.DoesNotContain('\u007f', csv);
        List<List<string>> rows = Csv.Parse(csv);
        Assert.Equal("'=HYPERLINK(\"http://evil\",\"x\")", rows[1][0]);
        Assert.Equal("\u241b]0;pwned\u2407title\u241b[2J then \\x9B6n and \u2421", rows[1][8]);
        Assert.Equal("'+cmd", rows[2][0]);
        Assert.Equal("'@SUM(A1:A2)", rows[2][8]);
        Assert.Equal("'-2+3", rows[3][0]);
        Assert.Equal("'\tTabbed =1+1", rows[3][8]);
        Assert.Equal("Great news \U0001F389 it works", rows[4][8]);
    }

    [Fact]
    public async Task Text_export_replays_no_escape_sequence_and_jsonl_stays_raw()
    {
        using var dir = new TempDir();
        using var index = ResultsIndex.Build(WriteFile(dir, Hostile));
        ResultsView all = new ResultsQuery(index).Run(ResultsFilter.None);
        string txt = Path.Combine(dir.Path, "out.txt"), jsonl = Path.Combine(dir.Path, "out.jsonl");
        await ResultsExporter.ExportAsync(all, txt, ExportFormat.Text);
        await ResultsExporter.ExportAsync(all, jsonl, ExportFormat.Jsonl);
        string text = await File.ReadAllTextAsync(txt);
        Assert.DoesNotContain('\u001b', text);
        Assert.DoesNotContain('\u009b', text);
        Assert.DoesNotContain('\u0007', text);
        Assert.Contains("\u241b]0;pwned\u2407title\u241b[2J then \\x9B6n and \u2421", text);
        Assert.Contains("Great news \U0001F389 it works", text);
        // The raw lines, byte for byte, each still valid JSON holding the escape as the API wrote it.
        byte[] raw = await File.ReadAllBytesAsync(jsonl);
        Assert.Equal(Encoding.UTF8.GetBytes(string.Join("\n", Hostile) + "\n"), raw);
        foreach (string line in Encoding.UTF8.GetString(raw).Split('\n', StringSplitOptions.RemoveEmptyEntries)) JsonDocument.Parse(line).Dispose();
    }
}
