using BatchTui.Core.Results.Index;
using BatchTui.Core.Results.Query;
using static BatchTui.Core.Tests.Results.ResultLines;

namespace BatchTui.Core.Tests.Results;

public class QueryTests : IDisposable
{
    private readonly TempDir _dir = new();
    private readonly ResultsIndex _index;
    private readonly ResultsQuery _query;

    public QueryTests()
    {
        _index = ResultsIndex.Build(WriteFile(_dir,
            Succeeded("run-b-2", ResultLines.Text("The weather in Paris is sunny"), stop: "end_turn", input: 50, output: 5),
            Succeeded("run-a-1", ResultLines.Text("Timeout budget exceeded"), stop: "max_tokens", input: 10, output: 500),
            Errored("run-a-3", "overloaded_error", "Overloaded"),
            Errored("other-9", "invalid_request_error", "bad Paris"),
            Canceled("run-c-4"),
            Expired("run-c-5"),
            Succeeded("other-7", ResultLines.Text("Paris again"), stop: "end_turn", input: 1, output: 1),
            "{not json Paris"));
        _query = new ResultsQuery(_index);
    }

    public void Dispose()
    {
        _index.Dispose();
        _dir.Dispose();
    }

    private string[] Ids(ResultsFilter f, ResultsSort sort = ResultsSort.FileOrder, bool desc = false) =>
        _query.Run(f, sort, desc).Rows.Select(r => _index[r].CustomId.Length > 0 ? _index[r].CustomId : $"line{_index[r].LineNumber}").ToArray();

    [Fact]
    public void No_filter_is_every_row_in_file_order() =>
        Assert.Equal(["run-b-2", "run-a-1", "run-a-3", "other-9", "run-c-4", "run-c-5", "other-7", "line8"], Ids(ResultsFilter.None));

    [Fact]
    public void Filters_by_type_stop_reason_error_type_and_glob()
    {
        Assert.Equal(["run-a-3", "other-9"], Ids(new(Kinds: new HashSet<ResultKind> { ResultKind.Errored })));
        Assert.Equal(["run-c-4", "run-c-5"], Ids(new(Kinds: new HashSet<ResultKind> { ResultKind.Canceled, ResultKind.Expired })));
        Assert.Equal(["run-b-2", "other-7"], Ids(new(StopReason: "end_turn")));
        Assert.Equal(["other-9"], Ids(new(ErrorType: "invalid_request_error")));
        Assert.Empty(Ids(new(ErrorType: "no_such_error")));
        Assert.Equal(["run-a-1", "run-a-3"], Ids(new(CustomIdGlob: "run-a-*")));
        Assert.Equal(["run-c-4", "run-c-5"], Ids(new(CustomIdGlob: "run-?-[4-5]")));
        Assert.Equal(["other-9", "other-7"], Ids(new(CustomIdGlob: "other"))); // no wildcard: substring
    }

    [Fact]
    public void Full_text_search_over_raw_lines_combines_with_other_filters()
    {
        Assert.Equal(["run-b-2", "other-9", "other-7", "line8"], Ids(new(Text: "Paris")));
        Assert.Equal(["other-9"], Ids(new(Text: "Paris", Kinds: new HashSet<ResultKind> { ResultKind.Errored })));
        Assert.Equal(["other-7"], Ids(new(Text: "Paris", CustomIdGlob: "other-*", StopReason: "end_turn")));
        Assert.Empty(Ids(new(Text: "paris"))); // case-sensitive, like grep -F
        Assert.Equal(["run-a-1"], Ids(new(Text: "Timeout budget")));
    }

    [Fact]
    public void Sorts_by_custom_id_and_tokens_with_ties_in_file_order()
    {
        Assert.Equal(["line8", "other-7", "other-9", "run-a-1", "run-a-3", "run-b-2", "run-c-4", "run-c-5"], Ids(ResultsFilter.None, ResultsSort.CustomId));
        Assert.Equal(["run-a-1", "run-b-2", "other-7"], Ids(new(Kinds: new HashSet<ResultKind> { ResultKind.Succeeded }), ResultsSort.TotalTokens, desc: true));
        Assert.Equal(["other-7", "run-b-2", "run-a-1"], Ids(new(Kinds: new HashSet<ResultKind> { ResultKind.Succeeded }), ResultsSort.OutputTokens));
        Assert.Equal(["run-b-2", "run-a-1", "other-7"], Ids(new(Kinds: new HashSet<ResultKind> { ResultKind.Succeeded }), ResultsSort.InputTokens, desc: true));
    }

    [Fact]
    public void View_summary_is_of_the_filtered_rows()
    {
        ResultsView v = _query.Run(new ResultsFilter(Text: "Paris"));
        Assert.Equal(4, v.Summary.Rows);
        Assert.Equal(2, v.Summary.Count(ResultKind.Succeeded));
        Assert.Equal(1, v.Summary.Unparseable);
        Assert.Equal(51, v.Summary.InputTokens);
        Assert.Equal("type=errored id=run-* /\"x\"", new ResultsFilter(new HashSet<ResultKind> { ResultKind.Errored }, CustomIdGlob: "run-*", Text: "x").Describe());
    }

    [Fact]
    public void Search_finds_matches_across_read_blocks_and_counts_each_line_once()
    {
        using var dir = new TempDir();
        // ~6 MB so the search crosses its 4 MB block edge; the needle sits in every 100th line.
        string filler = new string('f', 3000);
        var lines = Enumerable.Range(0, 2000).Select(i => Succeeded($"n{i}", ResultLines.Text((i % 100 == 0 ? "NEEDLE NEEDLE " : "") + filler + (i == 1397 ? "NEEDLE" : "")))).ToArray();
        using var index = ResultsIndex.Build(WriteFile(dir, lines));
        bool[] hits = FullTextSearch.Search(index, "NEEDLE");
        int[] expected = Enumerable.Range(0, 2000).Where(i => i % 100 == 0 || i == 1397).ToArray();
        Assert.Equal(expected, Enumerable.Range(0, 2000).Where(i => hits[i]).ToArray());
        // Every block edge position: a needle straddling it must be found exactly once.
        long edge = 4 << 20;
        int row = Enumerable.Range(0, index.Count).First(r => index[r].Offset + index[r].Length > edge);
        Assert.True(hits[row] == expected.Contains(row));
    }
}

public class GlobPatternTests
{
    [Theory]
    [InlineData("a*", "abc", true)]
    [InlineData("*c", "abc", true)]
    [InlineData("a?c", "abc", true)]
    [InlineData("a?c", "ac", false)]
    [InlineData("*b*", "abc", true)]
    [InlineData("[ab]x", "bx", true)]
    [InlineData("[!ab]x", "bx", false)]
    [InlineData("[a-c]9", "c9", true)]
    [InlineData("eval-*-00[0-4]", "eval-17-003", true)]
    [InlineData("eval-*-00[0-4]", "eval-17-005", false)]
    [InlineData("**", "", true)]
    [InlineData("x", "abxcd", true)]
    [InlineData("A", "a", false)]
    [InlineData("[unclosed", "[unclosed", true)]
    public void Matches_like_a_shell(string pattern, string text, bool match) => Assert.Equal(match, new GlobPattern(pattern).IsMatch(text));
}
