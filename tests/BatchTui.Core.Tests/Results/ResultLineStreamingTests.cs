using BatchTui.Core.Results.Index;
using BatchTui.Core.Results.Query;
using System.Text;

namespace BatchTui.Core.Tests.Results;

/// <summary>The streaming pieces behind <c>batchtui results</c>: a line reader with one buffer, and the per-line filter.</summary>
public sealed class ResultLineStreamingTests
{
    private static async Task<List<string>> ReadAll(byte[] bytes)
    {
        using var reader = new ResultLineReader(new MemoryStream(bytes));
        var lines = new List<string>();
        while (await reader.NextAsync() is { } line) lines.Add(Encoding.UTF8.GetString(line.Span));
        return lines;
    }

    [Fact]
    public async Task Lines_come_back_without_their_ending_blank_ones_skipped_and_a_last_line_without_newline_kept()
    {
        Assert.Equal(["a", "b", "c"], await ReadAll("a\r\n\n  \nb\nc"u8.ToArray()));
        Assert.Empty(await ReadAll([]));
    }

    [Fact]
    public async Task A_line_longer_than_the_buffer_grows_it_and_comes_back_whole()
    {
        string big = new('x', 3 << 20);
        Assert.Equal(["first", big, "last"], await ReadAll(Encoding.UTF8.GetBytes($"first\n{big}\nlast\n")));
    }

    private const string Ok = """{"custom_id":"eval-1","result":{"type":"succeeded","message":{"content":[{"type":"text","text":"hi"}],"stop_reason":"end_turn","usage":{"input_tokens":3,"output_tokens":5}}}}""";
    private const string Err = """{"custom_id":"eval-2","result":{"type":"errored","error":{"type":"error","error":{"type":"overloaded_error","message":"busy"}}}}""";
    private const string Exp = """{"custom_id":"other-3","result":{"type":"expired"}}""";

    [Fact]
    public void The_filter_reads_type_reason_and_tokens_and_combines_criteria_with_and()
    {
        var all = new ResultLineFilter(ResultsFilter.None);
        ResultLineFacts ok = all.Read(Encoding.UTF8.GetBytes(Ok));
        Assert.Equal(("eval-1", ResultKind.Succeeded, "end_turn", 3, 5), (ok.CustomId, ok.Kind, ok.StopReason, ok.InputTokens, ok.OutputTokens));
        ResultLineFacts err = all.Read(Encoding.UTF8.GetBytes(Err));
        Assert.Equal(("errored", "overloaded_error", ""), (err.Kind.ToWire(), err.ErrorType, err.StopReason));
        Assert.Equal(ResultKind.Unparseable, all.Read("{\"custom_id\":"u8).Kind);

        bool Keeps(ResultsFilter f, string line)
        {
            var filter = new ResultLineFilter(f);
            return filter.Matches(filter.Read(Encoding.UTF8.GetBytes(line)));
        }
        var failed = new ResultsFilter(new HashSet<ResultKind> { ResultKind.Errored, ResultKind.Expired });
        Assert.Equal([false, true, true], new[] { Ok, Err, Exp }.Select(l => Keeps(failed, l)));
        Assert.Equal([true, false, false], new[] { Ok, Err, Exp }.Select(l => Keeps(new ResultsFilter(StopReason: "end_turn"), l)));
        Assert.Equal([false, true, false], new[] { Ok, Err, Exp }.Select(l => Keeps(new ResultsFilter(ErrorType: "overloaded_error"), l)));
        Assert.Equal([false, true, false], new[] { Ok, Err, Exp }.Select(l => Keeps(failed with { CustomIdGlob = "eval-*" }, l)));
    }
}
