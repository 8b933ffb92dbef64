using BatchTui.Core.Results.Index;
using BatchTui.Core.Results.Model;
using BatchTui.Core.Results.Query;
using System.Text;
using static BatchTui.Core.Tests.Results.ResultLines;

namespace BatchTui.Core.Tests.Results;

/// <summary>Each class of bad input is indexed as what it is, counted, and never throws.</summary>
public class BadInputTests
{
    [Fact]
    public void Malformed_line_is_unparseable_with_its_line_number_and_reason_and_the_rest_survives()
    {
        using var dir = new TempDir();
        string path = WriteFile(dir, Succeeded("ok-1", ResultLines.Text("fine")), """{"custom_id":"bad","result":{"type":"succeeded",}}""", Canceled("ok-2"));
        using var index = ResultsIndex.Build(path);
        Assert.Equal(3, index.Count);
        Assert.Equal(ResultKind.Unparseable, index[1].Kind);
        string problem = index.Problem(1)!;
        Assert.StartsWith("line 2: unparseable — ", problem);
        Assert.Contains("at byte", problem);
        Assert.Equal(ResultKind.Canceled, index[2].Kind);
        Assert.Equal(1, ResultsSummary.Of(index).Unparseable);
    }

    [Fact]
    public void Half_downloaded_file_marks_the_cut_last_line()
    {
        using var dir = new TempDir();
        string whole = Succeeded("w", ResultLines.Text("whole"));
        string cut = Succeeded("c", ResultLines.Text("this line was cut"))[..60];
        string path = WriteBytes(dir, Encoding.UTF8.GetBytes(whole + "\n" + cut));
        using var index = ResultsIndex.Build(path);
        Assert.Equal(2, index.Count);
        Assert.True(index.EndsMidLine);
        Assert.Equal(ResultKind.Succeeded, index[0].Kind);
        Assert.Equal(ResultKind.Unparseable, index[1].Kind);
        Assert.Equal("line 2: unparseable — unexpected end of data after 60 bytes (truncated line) — the file ends mid-line (half-downloaded?)", index.Problem(1));
    }

    [Fact]
    public void Truncated_line_in_the_middle_reads_as_unexpected_end()
    {
        using var dir = new TempDir();
        string path = WriteFile(dir, Succeeded("a", ResultLines.Text("x"))[..50], Canceled("b"));
        using var index = ResultsIndex.Build(path);
        Assert.Equal("line 1: unparseable — unexpected end of data after 50 bytes (truncated line)", index.Problem(0));
        Assert.Equal(ResultKind.Canceled, index[1].Kind);
    }

    [Fact]
    public void Non_utf8_bytes_are_reported_with_their_position()
    {
        using var dir = new TempDir();
        byte[] good = Encoding.UTF8.GetBytes(Canceled("fine") + "\n");
        byte[] bad = Encoding.UTF8.GetBytes(Succeeded("latin1", ResultLines.Text("caf_")) + "\n");
        int at = Array.IndexOf(bad, (byte)'_');
        bad[at] = 0xE9; // 'é' in Latin-1: not UTF-8
        string path = WriteBytes(dir, [.. good, .. bad]);
        using var index = ResultsIndex.Build(path);
        Assert.Equal(2, index.Count);
        Assert.Equal($"line 2: unparseable — invalid UTF-8 at byte {at}", index.Problem(1));
        ResultDetail detail = ResultDetail.Parse(index.ReadLine(1), knownProblem: index.Problem(1));
        Assert.Equal(ResultKind.Unparseable, detail.Kind);
        Assert.Contains("invalid UTF-8", detail.Nodes[0].Label);
    }

    [Fact]
    public void Empty_file_and_blank_lines()
    {
        using var dir = new TempDir();
        using (var empty = ResultsIndex.Build(WriteBytes(dir, [])))
        {
            Assert.Equal(0, empty.Count);
            Assert.True(empty.IsComplete);
            Assert.False(empty.EndsMidLine);
            Assert.Equal(0, ResultsSummary.Of(empty).Rows);
        }
        using var blanks = ResultsIndex.Build(WriteBytes(dir, Encoding.UTF8.GetBytes("\n\r\n  \n" + Canceled("late") + "\r\n")));
        Assert.Equal(1, blanks.Count);
        Assert.Equal(4, blanks[0].LineNumber); // blank lines still count as lines
        Assert.Equal(ResultKind.Canceled, blanks[0].Kind);
        Assert.Equal(Canceled("late") + "\r", Encoding.UTF8.GetString(blanks.ReadLine(0))); // bytes kept exactly
    }

    [Fact]
    public void A_single_10_MB_line_is_indexed_whole()
    {
        using var dir = new TempDir();
        string big = new string('x', 10 << 20);
        string path = WriteFile(dir, Succeeded("huge", ResultLines.Text("start " + big)), Canceled("after"));
        using var index = ResultsIndex.Build(path);
        Assert.Equal(2, index.Count);
        Assert.Equal(ResultKind.Succeeded, index[0].Kind);
        Assert.True(index[0].Length > 10 << 20);
        Assert.StartsWith("start xxx", index.Preview(0));
        Assert.Equal(ResultKind.Canceled, index[1].Kind);
        ResultDetail d = ResultDetail.Parse(index.ReadLine(0));
        Assert.Equal((10 << 20) + 6, d.Nodes[1].Detail!.Length);
    }

    [Theory]
    [InlineData("[1,2,3]", "not a JSON object")]
    [InlineData("""{"result":{"type":"canceled"}}""", "not a result: no custom_id")]
    [InlineData("""{"custom_id":"x"}""", "not a result: no result object")]
    [InlineData("""{"custom_id":"x","result":{"type":"canceled"}} trailing""", "at byte")]
    [InlineData("""{"custom_id":"x","result":{"type":"canceled"}}{"custom_id":"y"}""", "unexpected data after the object")]
    [InlineData("\u0001garbage", "at byte 0")]
    [InlineData("""{"custom_id":"x","result":{"type":"succeeded","message":{"content":[{"type":"text","text":"raw	tab"}]}}}""", "at byte")]
    public void Lines_that_are_not_results_are_unparseable_with_a_reason(string line, string reason)
    {
        using var dir = new TempDir();
        using var index = ResultsIndex.Build(WriteFile(dir, line));
        Assert.Equal(ResultKind.Unparseable, index[0].Kind);
        Assert.Contains(reason, index.Problem(0));
        Assert.StartsWith("line 1: unparseable — ", index.Problem(0));
    }

    [Fact]
    public void Deep_nesting_does_not_overflow()
    {
        using var dir = new TempDir();
        string deep = new string('[', 5000) + new string(']', 5000);
        using var index = ResultsIndex.Build(WriteFile(dir, """{"custom_id":"d","result":{"type":"succeeded","message":{"content":[{"type":"tool_use","input":@0@}]}}}""".Replace("@0@", deep)));
        Assert.Equal(ResultKind.Unparseable, index[0].Kind);
        Assert.Contains("depth", index.Problem(0));
    }

    [Fact]
    public void Random_bytes_never_throw()
    {
        using var dir = new TempDir();
        var rng = new Random(7);
        var bytes = new byte[200_000];
        rng.NextBytes(bytes);
        using var index = ResultsIndex.Build(WriteBytes(dir, bytes));
        Assert.True(index.Count > 0);
        Assert.All(Enumerable.Range(0, index.Count), r => Assert.Equal(ResultKind.Unparseable, index[r].Kind));
        Assert.All(Enumerable.Range(0, index.Count), r => ResultDetail.Parse(index.ReadLine(r), knownProblem: index.Problem(r)));
    }
}
