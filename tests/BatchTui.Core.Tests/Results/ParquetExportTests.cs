using BatchTui.Core.Results.Export;
using BatchTui.Core.Results.Index;
using BatchTui.Core.Results.Query;
using BatchTui.Core.Results.Store;
using DuckDB.NET.Data;
using System.Globalization;
using static BatchTui.Core.Tests.Results.ResultLines;

namespace BatchTui.Core.Tests.Results;

/// <summary>
/// Parquet exports read back by DuckDB, as a user's analysis would: counts per result type and token sums agree with
/// the index's own summary, the list column and unicode survive, and the cached-batches dataset reads as one table.
/// </summary>
public sealed class ParquetExportTests
{
    private const string Emoji = "Réponse 🚀 — 東京 \u0000 tab\t\"q\"";

    /// <summary>A seeded mix of every result kind, with thinking, tools, emoji, and one unparseable line.</summary>
    private static string[] Mixed(int n, int seed, string prefix = "r")
    {
        var rng = new Random(seed);
        string[] errors = ["overloaded_error", "api_error", "invalid_request_error"];
        var lines = new List<string>();
        for (int i = 0; i < n; i++)
        {
            string id = $"{prefix}-{i}";
            lines.Add((i % 97 == 50 ? 5 : rng.Next(10)) switch
            {
                0 or 1 => Errored(id, errors[rng.Next(errors.Length)], $"failed {i}"),
                2 => Canceled(id),
                3 => Expired(id),
                4 => Succeeded(id, string.Join(",", Thinking, ToolUse, ServerToolUseSearch, WebSearchResult, ResultLines.Text($"tools {i}")),
                    stop: "tool_use", input: rng.Next(5000), output: rng.Next(900), cacheRead: rng.Next(300), cacheWrite: rng.Next(70), model: "claude-opus-4-6"),
                5 => "{\"custom_id\":\"cut-" + i + "\",\"result\":{\"type\":",
                _ => Succeeded(id, ResultLines.Text(i % 7 == 0 ? Emoji : $"answer {i}"), stop: rng.Next(4) == 0 ? "max_tokens" : "end_turn",
                    input: rng.Next(5000), output: rng.Next(900), cacheRead: rng.Next(300), cacheWrite: rng.Next(70)),
            });
        }
        return lines.ToArray();
    }

    private static DuckDBConnection Duck()
    {
        var c = new DuckDBConnection("Data Source=:memory:");
        c.Open();
        return c;
    }

    private static List<object?[]> Query(DuckDBConnection c, string sql)
    {
        using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        using var r = cmd.ExecuteReader();
        var rows = new List<object?[]>();
        while (r.Read())
        {
            var row = new object?[r.FieldCount];
            for (int i = 0; i < row.Length; i++) row[i] = r.IsDBNull(i) ? null : r.GetValue(i);
            rows.Add(row);
        }
        return rows;
    }

    private static long Long(object? v) => v is System.Numerics.BigInteger big ? (long)big : Convert.ToInt64(v, CultureInfo.InvariantCulture); // sum() is a HUGEINT
    private static string Sql(string path) => "'" + path.Replace("'", "''") + "'";

    private static void AssertMatchesSummary(DuckDBConnection duck, string from, ResultsSummary s)
    {
        var byType = Query(duck, $"select result_type, count(*) from {from} group by 1 order by 1")
            .ToDictionary(r => (string)r[0]!, r => Long(r[1]));
        var expected = s.ByKind.ToDictionary(kv => kv.Key.ToWire(), kv => (long)kv.Value);
        Assert.Equal(expected.OrderBy(kv => kv.Key), byType.OrderBy(kv => kv.Key));
        object?[] sums = Query(duck, $"select count(*), sum(input_tokens), sum(output_tokens), sum(cache_read_tokens), sum(cache_write_tokens) from {from}").Single();
        Assert.Equal([s.Rows, s.InputTokens, s.OutputTokens, s.CacheReadTokens, s.CacheCreationTokens], sums.Select(Long).ToArray());
        var stops = Query(duck, $"select stop_reason, count(*) from {from} where stop_reason is not null group by 1")
            .ToDictionary(r => (string)r[0]!, r => (int)Long(r[1]));
        Assert.Equal(s.StopReasons.OrderBy(kv => kv.Key), stops.OrderBy(kv => kv.Key));
        var errors = Query(duck, $"select error_type, count(*) from {from} where error_type is not null group by 1")
            .ToDictionary(r => (string)r[0]!, r => (int)Long(r[1]));
        Assert.Equal(s.ErrorTypes.OrderBy(kv => kv.Key), errors.OrderBy(kv => kv.Key));
    }

    [Fact]
    public async Task The_browsers_export_reads_back_in_duckdb_with_the_indexs_counts_and_token_sums()
    {
        using var dir = new TempDir();
        using var index = ResultsIndex.Build(WriteFile(dir, Mixed(1500, seed: 7)));
        ResultsSummary summary = ResultsSummary.Of(index);
        Assert.True(summary.Unparseable > 0 && summary.Count(ResultKind.Errored) > 0 && summary.Count(ResultKind.Expired) > 0);
        string path = Path.Combine(dir.Path, "all.parquet");

        int n = await ResultsExporter.ExportAsync(new ResultsQuery(index).Run(ResultsFilter.None), path, ExportFormat.Parquet, batchId: "msgbatch_01Parquet");

        Assert.Equal(1500, n);
        Assert.Empty(Directory.GetFiles(dir.Path, "*.tmp"));
        using DuckDBConnection duck = Duck();
        string from = $"read_parquet({Sql(path)})";
        AssertMatchesSummary(duck, from, summary);
        Assert.Equal("msgbatch_01Parquet", Query(duck, $"select distinct batch_id from {from}").Single()[0]);
        // The file keeps the view's order: the browser's row order, line by line.
        Assert.Equal(Enumerable.Range(0, index.Count).Select(r => index[r].CustomId is { Length: > 0 } c ? c : null),
            Query(duck, $"select custom_id from {from}").Select(r => (string?)r[0]));
    }

    [Fact]
    public async Task Tool_names_are_a_list_thinking_a_flag_and_unicode_survives()
    {
        using var dir = new TempDir();
        string[] lines =
        [
            Succeeded("tools", string.Join(",", Thinking, ToolUse, ServerToolUseSearch, McpToolUse, ResultLines.Text("first"), ResultLines.Text("second"))),
            Succeeded("emoji", ResultLines.Text(Emoji), model: "claude-haiku-4-5"),
            Succeeded("no-text", ToolUse, stop: "tool_use"),
            Errored("err", "overloaded_error", "Overloaded 🚦"),
            Expired("exp"),
        ];
        using var index = ResultsIndex.Build(WriteFile(dir, lines));
        string path = Path.Combine(dir.Path, "t.parquet");
        await ResultsExporter.ExportAsync(new ResultsQuery(index).Run(ResultsFilter.None), path, ExportFormat.Parquet);

        using DuckDBConnection duck = Duck();
        var rows = Query(duck, $"""
            select custom_id, array_to_string(tool_names, '|'), len(tool_names), has_thinking, first_text, error_type, error_message,
                   stop_reason, model, batch_id, raw_line
            from read_parquet({Sql(path)})
            """).ToDictionary(r => (string)r[0]!);
        Assert.Equal(["get_weather|web_search|search_issues", 3L, true, "first"], rows["tools"][1..5].Select(v => v is int or long ? Long(v) : v));
        Assert.Equal(Emoji, rows["emoji"][4]);
        Assert.Equal("claude-haiku-4-5", rows["emoji"][8]);
        Assert.Equal(0L, Long(rows["emoji"][2])); // an empty list, not a null one
        Assert.Equal(false, rows["emoji"][3]);
        Assert.Null(rows["no-text"][4]);
        Assert.Equal(["overloaded_error", "Overloaded 🚦", null], rows["err"][5..8]);
        Assert.Null(rows["err"][4]);
        Assert.Equal([null, null, null, null, null], new[] { rows["exp"][4], rows["exp"][5], rows["exp"][6], rows["exp"][7], rows["exp"][9] });
        Assert.Equal(lines.Skip(1).First(), rows["emoji"][10]); // the raw line, as the API wrote it
        // DuckDB's own list functions work on it, as a user's query would.
        Assert.Equal(2L, Long(Query(duck, $"select count(*) from read_parquet({Sql(path)}) where list_contains(tool_names, 'get_weather')").Single()[0]));
    }

    [Fact]
    public async Task A_streamed_filtered_file_spans_several_row_groups_and_keeps_only_the_filter()
    {
        using var dir = new TempDir();
        string jsonl = WriteFile(dir, Mixed(2300, seed: 11));
        using var index = ResultsIndex.Build(jsonl);
        var filter = new ResultsFilter(Kinds: new HashSet<ResultKind> { ResultKind.Errored, ResultKind.Succeeded });
        ResultsView view = new ResultsQuery(index).Run(filter);
        ResultsSummary expected = ResultsSummary.Of(index, Enumerable.Range(0, view.Count).Select(i => view[i]));
        string path = Path.Combine(dir.Path, "f.parquet");

        ParquetCounts counts;
        await using (var file = File.Create(path))
            counts = await ParquetExport.WriteFileAsync(jsonl, "msgbatch_f", new ResultLineFilter(filter), file, rowsPerGroup: 500);

        Assert.Equal(2300, counts.Read);
        Assert.Equal(expected.Rows, counts.Written);
        Assert.Equal((expected.Rows + 499) / 500, counts.RowGroups);
        using DuckDBConnection duck = Duck();
        AssertMatchesSummary(duck, $"read_parquet({Sql(path)})", expected);
        Assert.Equal(counts.RowGroups, Long(Query(duck, $"select count(distinct row_group_id) from parquet_metadata({Sql(path)})").Single()[0]));
    }

    [Fact]
    public async Task Every_cached_batch_of_the_origin_becomes_one_hive_partitioned_dataset()
    {
        using var dir = new TempDir();
        var store = new ResultsStore(Path.Combine(dir.Path, "cache"));
        var scope = new CacheScope(new Uri("https://api.example.test/"));
        var other = new CacheScope(new Uri("http://127.0.0.1:9/"));
        var batches = new Dictionary<string, string[]> { ["msgbatch_A1"] = Mixed(700, 1, "a"), ["msgbatch_B2"] = Mixed(40, 2, "b"), ["msgbatch_C3"] = [] };
        foreach (var (id, lines) in batches) Place(store, scope, id, lines);
        Place(store, other, "msgbatch_ELSEWHERE", Mixed(5, 3, "x"));
        string outDir = Path.Combine(dir.Path, "dataset");

        var started = new List<string>();
        IReadOnlyList<DatasetPart> parts = await ParquetExport.WriteCachedAsync(store, scope, outDir, (id, _, _) => started.Add(id));

        Assert.Equal(batches.Keys.Order(), parts.Select(p => p.BatchId).Order());
        Assert.Equal(batches.Keys.Order(), started.Order());
        Assert.All(parts, p => Assert.Equal(Path.Combine(outDir, $"batch_id={p.BatchId}", "part-0.parquet"), p.Path));
        using DuckDBConnection duck = Duck();
        string from = $"read_parquet({Sql(Path.Combine(outDir, "*", "*.parquet"))}, hive_partitioning=true)";
        var perBatch = Query(duck, $"select batch_id, count(*) from {from} group by 1").ToDictionary(r => (string)r[0]!, r => Long(r[1]));
        Assert.Equal(new Dictionary<string, long> { ["msgbatch_A1"] = 700, ["msgbatch_B2"] = 40 }, perBatch); // the empty batch has a file, no rows
        foreach (string id in new[] { "msgbatch_A1", "msgbatch_B2" })
        {
            using var index = ResultsIndex.Build(store.PathFor(scope, id));
            AssertMatchesSummary(duck, $"(select * from {from} where batch_id = '{id}')", ResultsSummary.Of(index));
        }
        string empty = parts.Single(p => p.BatchId == "msgbatch_C3").Path;
        Assert.Equal(0L, Long(Query(duck, $"select count(*) from read_parquet({Sql(empty)})").Single()[0]));
        Assert.False(Directory.Exists(Path.Combine(outDir, "batch_id=msgbatch_ELSEWHERE"))); // another origin's cache stays out
    }

    private static void Place(ResultsStore store, CacheScope scope, string id, string[] lines)
    {
        Directory.CreateDirectory(store.FolderFor(scope));
        File.WriteAllText(store.PathFor(scope, id), string.Concat(lines.Select(l => l + "\n")));
    }
}
