using BatchTui.Core.Results.Export;
using BatchTui.Core.Results.Index;
using BatchTui.Core.Results.Query;
using System.Text;
using static BatchTui.Core.Tests.Results.ResultLines;

namespace BatchTui.Core.Tests.Results;

public class ExportTests
{
    private static readonly string[] Lines =
    [
        Succeeded("q-1", ResultLines.Text("Answer, with \"quotes\",\ncommas and a newline") + "," + ResultLines.Text("second block"), input: 11, output: 22, cacheRead: 3, cacheWrite: 4),
        Errored("q-2", "overloaded_error", "Overloaded, try later"),
        Canceled("q-3"),
        Succeeded("skip-4", ResultLines.Text("not exported")),
        "{cut",
    ];

    [Fact]
    public async Task Jsonl_export_of_a_filter_is_byte_exact()
    {
        using var dir = new TempDir();
        using var index = ResultsIndex.Build(WriteBytes(dir, Encoding.UTF8.GetBytes(string.Join("\n", Lines.Take(2)) + "\r\n" + string.Join("\n", Lines.Skip(2)) + "\n")));
        ResultsView view = new ResultsQuery(index).Run(new ResultsFilter(CustomIdGlob: "q-*"));
        string outPath = Path.Combine(dir.Path, "out.jsonl");
        int n = await ResultsExporter.ExportAsync(view, outPath, ExportFormat.Jsonl);
        Assert.Equal(3, n);
        Assert.Equal(Encoding.UTF8.GetBytes(Lines[0] + "\n" + Lines[1] + "\r\n" + Lines[2] + "\n"), await File.ReadAllBytesAsync(outPath));
        // The export is itself a results file that indexes to the same rows.
        using var again = ResultsIndex.Build(outPath);
        Assert.Equal(["q-1", "q-2", "q-3"], Enumerable.Range(0, again.Count).Select(r => again[r].CustomId));
        Assert.Empty(Directory.GetFiles(dir.Path, "*.tmp"));
        // Only its owner can read it, as the CLI's -o writes (the umask here would give 0644).
        if (!OperatingSystem.IsWindows()) Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(outPath));
    }

    [Fact]
    public async Task Csv_export_quotes_properly_and_round_trips()
    {
        using var dir = new TempDir();
        using var index = ResultsIndex.Build(WriteFile(dir, Lines));
        ResultsView view = new ResultsQuery(index).Run(ResultsFilter.None);
        string outPath = Path.Combine(dir.Path, "out.csv");
        await ResultsExporter.ExportAsync(view, outPath, ExportFormat.Csv);
        List<List<string>> rows = Csv.Parse(await File.ReadAllTextAsync(outPath));
        Assert.Equal(ResultsExporter.CsvHeader, rows[0]);
        Assert.Equal(["q-1", "succeeded", "end_turn", "", "11", "22", "3", "4", "Answer, with \"quotes\",\ncommas and a newline\n\nsecond block"], rows[1]);
        Assert.Equal(["q-2", "errored", "", "overloaded_error", "0", "0", "0", "0", "Overloaded, try later"], rows[2]);
        Assert.Equal(["q-3", "canceled", "", "", "0", "0", "0", "0", ""], rows[3]);
        Assert.Equal("", rows[5][0]);
        Assert.Equal("unparseable", rows[5][1]);
        Assert.StartsWith("line 5: unparseable — ", rows[5][8]);
        Assert.Equal(6, rows.Count);
    }

    [Fact]
    public async Task Text_export_is_readable()
    {
        using var dir = new TempDir();
        using var index = ResultsIndex.Build(WriteFile(dir, Lines));
        ResultsView view = new ResultsQuery(index).Run(new ResultsFilter(CustomIdGlob: "q-*"));
        string outPath = Path.Combine(dir.Path, "out.txt");
        await ResultsExporter.ExportAsync(view, outPath, ExportFormat.Text);
        Assert.Equal(
            "### q-1 · succeeded · end_turn · 11 in / 22 out\nAnswer, with \"quotes\",\ncommas and a newline\n\nsecond block\n\n" +
            "### q-2 · errored · overloaded_error\nOverloaded, try later\n\n" +
            "### q-3 · canceled\n(canceled before it was processed)\n\n", await File.ReadAllTextAsync(outPath));
    }

    [Fact]
    public async Task Canceled_export_leaves_no_file()
    {
        using var dir = new TempDir();
        using var index = ResultsIndex.Build(WriteFile(dir, Lines));
        ResultsView view = new ResultsQuery(index).Run(ResultsFilter.None);
        string outPath = Path.Combine(dir.Path, "out.csv");
        using var cts = new CancellationTokenSource();
        cts.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => ResultsExporter.ExportAsync(view, outPath, ExportFormat.Csv, ct: cts.Token));
        Assert.Empty(Directory.GetFiles(dir.Path, "out*"));
    }

    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("a,b", "\"a,b\"")]
    [InlineData("say \"hi\"", "\"say \"\"hi\"\"\"")]
    [InlineData("two\nlines", "\"two\nlines\"")]
    [InlineData(" padded ", "\" padded \"")]
    [InlineData("", "")]
    public void Csv_fields_are_quoted_only_when_needed(string value, string expected) => Assert.Equal(expected, Csv.Field(value));
}
