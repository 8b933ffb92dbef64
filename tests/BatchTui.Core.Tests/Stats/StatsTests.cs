using BatchTui.Core.Api;
using BatchTui.Core.Config;
using BatchTui.Core.Results.Index;
using BatchTui.Core.Results.Query;
using BatchTui.Core.Results.Stats;
using BatchTui.Core.Results.Store;
using BatchTui.Core.Tests.Api;
using BatchTui.Core.Tests.Results;
using System.Text.Json.Nodes;

namespace BatchTui.Core.Tests.Stats;

/// <summary>
/// The stats of a results file the simulator served (downloaded over loopback HTTP through the results store),
/// checked against figures counted here independently with a JSON DOM over the same file.
/// </summary>
public sealed class StatsTests : IAsyncLifetime
{
    private readonly TempDir _dir = new();
    private ResultsIndex _index = null!;
    private MessageBatch _batch = null!;
    private List<JsonNode?> _lines = null!;

    public async Task InitializeAsync()
    {
        await using World host = await World.StartAsync(retries: 4);
        List<MessageBatch> all = await host.AllBatchesAsync();
        // The ended batch with the most results: every result type and many block types.
        _batch = all.Where(b => b.ResultsAvailable).OrderByDescending(b => b.Counts.Total).First();
        CachedResults got = await new ResultsStore(_dir.Path).GetAsync(host.Api, _batch);
        _index = ResultsIndex.Build(got.Path);
        _lines = File.ReadLines(got.Path).Where(l => l.Trim().Length > 0).Select(l => { try { return JsonNode.Parse(l); } catch (System.Text.Json.JsonException) { return null; } }).ToList();
    }

    public Task DisposeAsync()
    {
        _index.Dispose();
        _dir.Dispose();
        return Task.CompletedTask;
    }

    private int[] AllRows => Enumerable.Range(0, _index.Count).ToArray();

    private IEnumerable<JsonObject> Succeeded => _lines.OfType<JsonObject>().Where(l => (string?)l["result"]?["type"] == "succeeded");

    private static IEnumerable<JsonObject> Blocks(JsonObject line) => (line["result"]?["message"]?["content"] as JsonArray ?? []).OfType<JsonObject>();

    [Fact]
    public void Result_types_match_the_batch_counts_and_percentages_add_up()
    {
        IndexStats s = IndexStats.Of(_index, AllRows, PriceTable.Empty);
        FrequencyTable types = s.Tables.Single(t => t.Name == "result_type");
        var counts = types.Rows.ToDictionary(r => r.Value, r => r.Count);
        Assert.Equal(_batch.Counts.Succeeded, counts.GetValueOrDefault("succeeded"));
        Assert.Equal(_batch.Counts.Errored, counts.GetValueOrDefault("errored"));
        Assert.Equal(_batch.Counts.Canceled, counts.GetValueOrDefault("canceled"));
        Assert.Equal(_batch.Counts.Expired, counts.GetValueOrDefault("expired"));
        Assert.Equal(100.0, types.Rows.Sum(r => r.Percent), 6);
        Assert.True(types.Rows.Zip(types.Rows.Skip(1)).All(p => p.First.Count >= p.Second.Count), "most frequent first");

        var stops = Succeeded.GroupBy(l => (string?)l["result"]!["message"]!["stop_reason"] ?? "").ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(stops.Where(kv => kv.Key != "").OrderBy(kv => kv.Key), s.Tables.Single(t => t.Name == "stop_reason").Rows.ToDictionary(r => r.Value, r => r.Count).OrderBy(kv => kv.Key));
    }

    [Fact]
    public void Token_totals_and_histograms_count_every_succeeded_result()
    {
        IndexStats s = IndexStats.Of(_index, AllRows, PriceTable.Empty);
        long Sum(string field) => _lines.OfType<JsonObject>().Sum(l => (long?)l["result"]?["message"]?["usage"]?[field] ?? 0);
        Assert.Equal(new TokenTotals(Sum("input_tokens"), Sum("output_tokens"), Sum("cache_creation_input_tokens"), Sum("cache_read_input_tokens")), s.Tokens);
        int succeeded = Succeeded.Count();
        Assert.All(s.Histograms, h => Assert.Equal(succeeded, h.Buckets.Sum(b => b.Count)));
        // A result with 1,234 output tokens is counted in the 1k–2k bucket, and only there.
        int inK = Succeeded.Count(l => (long?)l["result"]!["message"]!["usage"]?["output_tokens"] is >= 1000 and < 2000);
        Assert.Equal(inK, s.Histograms.Single(h => h.Name == "output_tokens").Buckets.SingleOrDefault(b => b.Label == "1k–2k")?.Count ?? 0);
    }

    [Fact]
    public void Block_types_and_tools_match_a_count_over_the_json()
    {
        ContentStats c = ContentStats.Scan(_index, AllRows);
        var blockTypes = Succeeded.SelectMany(l => Blocks(l).Select(b => (string?)b["type"] ?? "(no type)").Distinct()).GroupBy(t => t).ToDictionary(g => g.Key, g => g.Count());
        Assert.NotEmpty(blockTypes);
        Assert.Equal(blockTypes.OrderBy(kv => kv.Key), c.Tables.Single(t => t.Name == "content_block_type").Rows.ToDictionary(r => r.Value, r => r.Count).OrderBy(kv => kv.Key));

        var toolResults = Succeeded.Count(l => Blocks(l).Any(b => (string?)b["type"] is "tool_use" or "server_tool_use" or "mcp_tool_use"));
        FrequencyTable tools = c.Tables.Single(t => t.Name == "tool_name");
        Assert.True(tools.Rows.Sum(r => r.Count) >= toolResults);
        Assert.Equal(Succeeded.Count(), c.Scanned);
        Assert.Equal(Succeeded.Count(), c.TextLength.Buckets.Sum(b => b.Count));
    }

    [Fact]
    public void Enter_on_any_row_or_bucket_selects_exactly_its_count_of_results()
    {
        ResultsStats stats = ResultsStats.Compute(_index, AllRows, PriceTable.Default);
        var query = new ResultsQuery(_index);
        int checkedRows = 0;
        foreach (FrequencyTable t in stats.Tables)
            foreach (FrequencyRow r in t.Rows)
            {
                Assert.Equal((t.Name, r.Value, r.Count), (t.Name, r.Value, query.Run(r.Narrow(ResultsFilter.None)).Count));
                checkedRows++;
            }
        foreach (Histogram h in stats.Histograms)
            foreach (HistogramBucket b in h.Buckets)
                Assert.Equal((h.Name, b.Label, b.Count), (h.Name, b.Label, query.Run(b.Narrow(ResultsFilter.None)).Count));
        Assert.True(checkedRows > 10, $"only {checkedRows} rows");
    }

    [Fact]
    public void Stats_of_a_filter_cover_only_its_rows_and_narrowing_keeps_the_filter()
    {
        var query = new ResultsQuery(_index);
        var errored = new ResultsFilter(Kinds: new HashSet<ResultKind> { ResultKind.Errored });
        ResultsView view = query.Run(errored);
        IndexStats s = IndexStats.Of(_index, view.Rows, PriceTable.Default);
        Assert.Equal(view.Count, s.Results);
        Assert.Equal([("errored", view.Count)], s.Tables.Single(t => t.Name == "result_type").Rows.Select(r => (r.Value, r.Count)));
        FrequencyRow first = s.Tables.Single(t => t.Name == "error_type").Rows[0];
        ResultsFilter narrowed = first.Narrow(errored);
        Assert.Equal(errored.Kinds, narrowed.Kinds);
        Assert.Equal(first.Value, narrowed.ErrorType);
        Assert.Equal(first.Count, query.Run(narrowed).Count);
    }

    [Fact]
    public void Cost_prices_the_models_in_the_table_and_shows_tokens_only_for_the_others()
    {
        IndexStats free = IndexStats.Of(_index, AllRows, PriceTable.Empty);
        Assert.All(free.Cost.Models, m => Assert.Null(m.Cost));
        Assert.Contains("no price", StatsReport.CostLine(free.Cost));
        Assert.DoesNotContain("$", StatsReport.CostLine(free.Cost));

        string model = free.Cost.Models[0].Model;
        var price = new ModelPrice(2m, 10m, 2.5m, 0.2m);
        IndexStats priced = IndexStats.Of(_index, AllRows, PriceTable.Empty.With(new Dictionary<string, ModelPrice> { [model] = price }));
        var ofModel = Succeeded.Where(l => (string?)l["result"]!["message"]!["model"] == model).Select(l => l["result"]!["message"]!["usage"]!).ToList();
        decimal expected = (ofModel.Sum(u => (long?)u["input_tokens"] ?? 0) * 2m + ofModel.Sum(u => (long?)u["output_tokens"] ?? 0) * 10m
            + ofModel.Sum(u => (long?)u["cache_creation_input_tokens"] ?? 0) * 2.5m + ofModel.Sum(u => (long?)u["cache_read_input_tokens"] ?? 0) * 0.2m) / 1_000_000m / 2;
        Assert.Equal(expected, priced.Cost.Total);
        Assert.Equal(expected, priced.Cost.Models.Single(m => m.Model == model).Cost);
        Assert.Equal(free.Cost.Models.Count > 1, !priced.Cost.Complete);
    }
}
