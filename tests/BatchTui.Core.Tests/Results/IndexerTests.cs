using BatchTui.Core.Results.Index;
using BatchTui.Core.Results.Query;
using static BatchTui.Core.Tests.Results.ResultLines;

namespace BatchTui.Core.Tests.Results;

public class IndexerTests
{
    [Fact]
    public void Indexes_every_result_kind_with_its_fields()
    {
        using var dir = new TempDir();
        string path = WriteFile(dir,
            Valid(Succeeded("a-1", Thinking + "," + ResultLines.Text("Hello \"world\"\nline two"), stop: "max_tokens", input: 100, output: 200, cacheRead: 30, cacheWrite: 40)),
            Valid(Errored("a-2", "overloaded_error")),
            Valid(Canceled("a-3")),
            Valid(Expired("a-4")),
            Valid("""{"custom_id":"a-5","result":{"type":"teleported"}}"""));
        using var index = ResultsIndex.Build(path);

        Assert.Equal(5, index.Count);
        ResultEntry s = index[0];
        Assert.Equal(("a-1", ResultKind.Succeeded, "max_tokens", "claude-sonnet-4-5"), (s.CustomId, s.Kind, index.Reason(s), index.Model(s)));
        Assert.Equal((100, 200, 30, 40, 2), (s.InputTokens, s.OutputTokens, s.CacheReadTokens, s.CacheCreationTokens, s.BlockCount));
        Assert.Equal("Hello \"world\" line two", index.Preview(0)); // the first *text* block, not the thinking before it
        Assert.Equal(0, s.Offset);
        Assert.Equal(1, s.LineNumber);

        Assert.Equal((ResultKind.Errored, "overloaded_error"), (index[1].Kind, index.Reason(index[1])));
        Assert.Equal(ResultKind.Canceled, index[2].Kind);
        Assert.Equal(ResultKind.Expired, index[3].Kind);
        Assert.Equal(ResultKind.Unknown, index[4].Kind);
        Assert.Equal(index[0].Length + 1, index[1].Offset);
        Assert.True(index.IsComplete);
        Assert.False(index.EndsMidLine);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Thousands_of_lines_with_bad_blank_and_tabbed_ones_interleaved_index_in_file_order(bool cut)
    {
        // Cut into parts indexed by three threads and joined, or read on one: the entries must not notice.
        using var dir = new TempDir();
        var lines = new List<string>();
        for (int i = 1; i <= 3000; i++)
            lines.Add((i % 7) switch
            {
                0 => "",                                                            // blank: counts as a line, no row
                3 => $"{{\"custom_id\":\"m-{i}\",\"result\":{{\"type\":\"succ",        // truncated
                5 => $"{{\"custom_id\":\"m-{i}\",\t\"result\":{{\"type\":\"canceled\"}}}}\r", // a tab between tokens, CRLF
                6 => $"{{\"custom_id\":\"m-{i}\",\"result\":{{\"type\":\"succeeded\",\"message\":{{\"content\":[{{\"type\":\"text\",\"text\":\"raw\u0001control\"}}]}}}}}}",
                _ => Succeeded($"m-{i}", ResultLines.Text($"row {i} says \"hi\"\n"), input: i, output: 2 * i),
            });
        using var index = cut ? ResultsIndex.Build(WriteFile(dir, [.. lines]), scanThreads: 3, IndexTuning.Tiny) : ResultsIndex.Build(WriteFile(dir, [.. lines]), scanThreads: 1);

        Assert.Equal(cut ? 3 : 1, index.Parts);
        int row = 0;
        for (int i = 1; i <= 3000; i++)
        {
            if (i % 7 == 0) continue;
            ResultEntry e = index[row];
            Assert.Equal(i, e.LineNumber);
            switch (i % 7)
            {
                case 3:
                    Assert.Equal(ResultKind.Unparseable, e.Kind);
                    Assert.StartsWith($"line {i}: unparseable — unexpected end of data", index.Problem(row));
                    break;
                case 5:
                    Assert.Equal(($"m-{i}", ResultKind.Canceled), (e.CustomId, e.Kind));
                    break;
                case 6:
                    Assert.Equal(ResultKind.Unparseable, e.Kind);
                    Assert.StartsWith($"line {i}: unparseable — ", index.Problem(row));
                    break;
                default:
                    Assert.Equal(($"m-{i}", ResultKind.Succeeded, i, 2 * i), (e.CustomId, e.Kind, e.InputTokens, e.OutputTokens));
                    Assert.Equal($"row {i} says \"hi\"", index.Preview(row));
                    Assert.Null(index.Problem(row));
                    break;
            }
            row++;
        }
        Assert.Equal(row, index.Count);
    }

    [Fact]
    public void Offsets_and_lengths_give_back_each_line_byte_for_byte()
    {
        using var dir = new TempDir();
        string[] lines = [Succeeded("x1", ResultLines.Text("café — ü")), Errored("x2", "api_error"), Canceled("x3")];
        string path = WriteFile(dir, lines);
        using var index = ResultsIndex.Build(path);
        for (int i = 0; i < lines.Length; i++) Assert.Equal(lines[i], System.Text.Encoding.UTF8.GetString(index.ReadLine(i)));
    }

    [Fact]
    public void Fast_scanner_agrees_with_the_reference_reader_on_every_fixture()
    {
        string[] lines =
        [
            Succeeded("f1", AllBlocks(), stop: "tool_use", input: 7, output: 8, cacheRead: 9, cacheWrite: 10),
            Succeeded("f2", ResultLines.Text("x"), extra: ""","stop_details":{"type":"refusal","category":"cyber","explanation":"no"},"container":{"id":"c","expires_at":"2026-01-01T00:00:00Z"}"""),
            Errored("f3", "invalid_request_error"),
            """{"custom_id":"f4","result":{"type":"errored","error":{"type":"rate_limit_error","message":"slow down"}}}""",
            """ {"result":{"message":{"usage":{"output_tokens":5,"input_tokens":4},"content":[{"text":"text before type","type":"text"}],"model":"m"},"type":"succeeded"},"custom_id":"f5"} """,
            Canceled("f6"),
            """{"custom_id":"f7","result":{"type":"succeeded","message":{"content":[],"usage":{"input_tokens":1.5e3,"output_tokens":-0}}}}""",
        ];
        var pool = new StringPool();
        foreach (string line in lines)
        {
            byte[] bytes = System.Text.Encoding.UTF8.GetBytes(Valid(line));
            LineScan fast = default, precise = default;
            Assert.True(FastLineScanner.TryScan(bytes, pool, ref fast), line);
            LineScanner.ScanPrecisely(bytes, pool, ref precise);
            Assert.Equal(Describe(precise, pool), Describe(fast, pool));
        }
    }

    private static string Describe(LineScan s, StringPool pool) =>
        $"{s.CustomId}|{s.Kind}|{s.HasResult}|{pool[s.Reason]}|{pool[s.Model]}|{s.InputTokens}|{s.OutputTokens}|{s.CacheCreationTokens}|{s.CacheReadTokens}|{s.PreviewOffset}|{s.PreviewLength}|{s.BlockCount}|{s.Problem}";

    [Fact]
    public async Task Background_index_serves_the_first_rows_and_reports_progress_to_the_end()
    {
        using var dir = new TempDir();
        string path = WriteFile(dir, Enumerable.Range(0, 5000).Select(i => Succeeded($"id-{i:D5}", ResultLines.Text($"answer {i}"))).ToArray());
        var progress = new List<IndexProgress>();
        using var index = ResultsIndex.Open(path);
        index.Progress += p => { lock (progress) progress.Add(p); };
        await index.WhenRows(50);
        Assert.True(index.Count >= 50);
        Assert.Equal("id-00000", index[0].CustomId);
        index.UseAllCores(); // as the results pane does once they are drawn
        await index.Completion;
        Assert.Equal(5000, index.Count);
        Assert.Equal(index.FileLength, index.BytesIndexed);
        await index.WhenRows(10_000); // more than there are: completes because the pass is over
        Assert.True(index.CurrentProgress.Done);
        Assert.Equal(1.0, index.CurrentProgress.Fraction);
    }

    [Fact]
    public async Task The_background_pass_pauses_after_the_first_screen_until_it_is_drawn_then_reads_the_rest_on_every_core()
    {
        using var dir = new TempDir();
        // ~3 MB: several read blocks, so the pause comes well before the end.
        string path = WriteFile(dir, Enumerable.Range(0, 20_000).Select(i => Succeeded($"id-{i:D5}", ResultLines.Text($"answer {i} " + new string('x', 80)))).ToArray());
        using var index = ResultsIndex.Open(path, IndexTuning.Default with { FirstScreenWait = TimeSpan.FromMinutes(5), MinPartBytes = 1 });
        await index.WhenRows(ResultsIndex.FirstScreenRows);
        Assert.False(index.IsComplete); // paused: it cannot have waited out five minutes
        Assert.True(index.Count < 20_000);
        Assert.Equal(1, index.Parts);

        index.UseAllCores();
        await index.Completion.WaitAsync(TimeSpan.FromMinutes(1));
        Assert.Equal(20_000, index.Count);
        for (int row = 0; row < index.Count; row++) Assert.Equal((row + 1, $"id-{row:D5}"), (index[row].LineNumber, index[row].CustomId));
        Assert.Equal(Environment.ProcessorCount, index.Parts); // one part per core (one core: read to the end alone)
    }

    [Fact]
    public async Task With_long_lines_the_first_screen_rows_are_published_before_the_pass_pauses_for_them()
    {
        using var dir = new TempDir();
        // ~30 KB lines: the first screen's rows take six read blocks, fewer than the 8 MB between routine progress reports.
        string path = WriteFile(dir, Enumerable.Range(0, 300).Select(i => Succeeded($"long-{i:D3}", ResultLines.Text(new string('y', 30_000)))).ToArray());
        using var index = ResultsIndex.Open(path, IndexTuning.Default with { FirstScreenWait = TimeSpan.FromMinutes(5) });
        await index.WhenRows(ResultsIndex.FirstScreenRows).WaitAsync(TimeSpan.FromMinutes(1)); // not the five-minute valve
        Assert.False(index.IsComplete);
        index.UseAllCores();
        await index.Completion.WaitAsync(TimeSpan.FromMinutes(1));
        Assert.Equal(300, index.Count);
    }

    [Fact]
    public void Summary_counts_kinds_tokens_and_histograms()
    {
        using var dir = new TempDir();
        string path = WriteFile(dir,
            Succeeded("s1", ResultLines.Text("a"), stop: "end_turn", input: 1, output: 2, cacheRead: 3, cacheWrite: 4),
            Succeeded("s2", ResultLines.Text("b"), stop: "end_turn", input: 10, output: 20, cacheRead: 30, cacheWrite: 40),
            Succeeded("s3", ResultLines.Text("c"), stop: "refusal"),
            Errored("e1", "overloaded_error"), Errored("e2", "overloaded_error"), Errored("e3", "api_error"),
            Canceled("c1"), Expired("x1"), "{broken");
        using var index = ResultsIndex.Build(path);
        ResultsSummary sum = ResultsSummary.Of(index);
        Assert.Equal(9, sum.Rows);
        Assert.Equal((3, 3, 1, 1, 1), (sum.Count(ResultKind.Succeeded), sum.Count(ResultKind.Errored), sum.Count(ResultKind.Canceled), sum.Count(ResultKind.Expired), sum.Unparseable));
        Assert.Equal((21L, 42L, 33L, 44L), (sum.InputTokens, sum.OutputTokens, sum.CacheReadTokens, sum.CacheCreationTokens));
        Assert.Equal([KeyValuePair.Create("end_turn", 2), KeyValuePair.Create("refusal", 1)], sum.StopReasons);
        Assert.Equal([KeyValuePair.Create("overloaded_error", 2), KeyValuePair.Create("api_error", 1)], sum.ErrorTypes);
        Assert.Equal("9 results: 3 succeeded · 3 errored · 1 canceled · 1 expired · 1 unparseable", sum.Lines().First());
    }
}
