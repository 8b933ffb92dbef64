using BatchTui.Core.Api;
using BatchTui.Tests.Results;
using Microsoft.Extensions.Time.Testing;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace BatchTui.Tests.Cli;

/// <summary><c>batchtui stats ID|FILE</c> against the simulator: the same figures as the API's own results body.</summary>
public sealed class StatsCommandTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 12, 2, 8, 0, 0, TimeSpan.Zero));
    private CliWorld _w = null!;
    private MessageBatch _ended = null!;

    public async Task InitializeAsync()
    {
        _w = await CliWorld.StartAsync(clock: _clock, createdErrorRate: 0.3);
        MessageBatch b = await _w.CreateAsync(40);
        _clock.Advance(TimeSpan.FromHours(1));
        _ended = await _w.Api.GetAsync(b.Id);
        Assert.True(_ended.Counts.Errored > 0);
    }

    public async Task DisposeAsync() => await _w.DisposeAsync();

    // The truth: the API's results, parsed here with a DOM.
    private async Task<List<JsonElement>> ApiResults()
    {
        var list = new List<JsonElement>();
        await foreach (ReadOnlyMemory<byte> line in _w.Api.ResultLinesAsync(_ended.Id))
            list.Add(JsonDocument.Parse(line).RootElement.Clone());
        return list;
    }

    private static long Usage(IEnumerable<JsonElement> results, string field) => results.Sum(r =>
        r.GetProperty("result").TryGetProperty("message", out var m) && m.GetProperty("usage").TryGetProperty(field, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetInt64() : 0);

    private static Dictionary<string, int> Rows(JsonElement json, string table) =>
        json.GetProperty("tables").GetProperty(table).GetProperty("rows").EnumerateArray()
            .ToDictionary(r => r.GetProperty("value").GetString()!, r => r.GetProperty("count").GetInt32());

    [Fact]
    public async Task Piped_it_is_json_with_the_counts_tokens_and_a_cost_from_the_configured_prices()
    {
        string config = Path.Combine(_w.Home, "prices.json");
        File.WriteAllText(config, """{ "prices": { "claude-sonnet-4-6": { "input": 3, "output": 15, "cacheWrite": 3.75, "cacheRead": 0.3 } } }""");
        var env = _w.Env;
        env["BATCHTUI_CONFIG"] = config;
        CliRun r = await _w.Run(["stats", _ended.Id], env: env);
        Assert.True(r.Code == 0, r.ToString());
        JsonElement json = JsonDocument.Parse(r.OutBytes).RootElement;
        List<JsonElement> truth = await ApiResults();

        Assert.Equal(40, json.GetProperty("results").GetInt32());
        var types = Rows(json, "result_type");
        Assert.Equal(_ended.Counts.Succeeded, types.GetValueOrDefault("succeeded"));
        Assert.Equal(_ended.Counts.Errored, types.GetValueOrDefault("errored"));
        var errors = truth.Where(t => t.GetProperty("result").GetProperty("type").GetString() == "errored")
            .GroupBy(t => t.GetProperty("result").GetProperty("error").GetProperty("error").GetProperty("type").GetString()!).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(errors.OrderBy(kv => kv.Key), Rows(json, "error_type").OrderBy(kv => kv.Key));
        Assert.True(Rows(json, "content_block_type").ContainsKey("text"));

        JsonElement tokens = json.GetProperty("tokens");
        long input = Usage(truth, "input_tokens"), output = Usage(truth, "output_tokens");
        long write = Usage(truth, "cache_creation_input_tokens"), read = Usage(truth, "cache_read_input_tokens");
        Assert.Equal((input, output, write, read), (tokens.GetProperty("input").GetInt64(), tokens.GetProperty("output").GetInt64(),
            tokens.GetProperty("cache_write").GetInt64(), tokens.GetProperty("cache_read").GetInt64()));
        JsonElement cost = json.GetProperty("cost");
        decimal expected = (input * 3m + output * 15m + write * 3.75m + read * 0.3m) / 1_000_000m / 2;
        Assert.Equal(expected, cost.GetProperty("total").GetDecimal());
        Assert.True(cost.GetProperty("complete").GetBoolean());
        Assert.DoesNotContain(r.Out.Split('\n'), l => l.StartsWith("downloaded", StringComparison.Ordinal)); // diagnostics on stderr only
    }

    [Fact]
    public async Task A_file_as_a_table_has_rows_percentages_and_bars_and_the_same_figures_as_the_batch()
    {
        CliRun byId = await _w.Run("stats", _ended.Id, "--format", "json");
        string file = Path.Combine(_w.ScopeDir, _ended.Id + ".jsonl"); // the download landed in the cache
        Assert.True(File.Exists(file));
        CliRun byFile = await _w.Run("stats", file, "--format", "json");
        Assert.Equal(0, byFile.Code);
        JsonElement a = JsonDocument.Parse(byId.OutBytes).RootElement, b = JsonDocument.Parse(byFile.OutBytes).RootElement;
        Assert.Equal(a.GetProperty("tables").GetRawText(), b.GetProperty("tables").GetRawText());
        Assert.Equal(a.GetProperty("histograms").GetRawText(), b.GetProperty("histograms").GetRawText());

        CliRun table = await _w.Run("stats", file, "--format", "table");
        Assert.Equal(0, table.Code);
        string[] lines = CliWorld.Lines(table.Out);
        Assert.Contains(lines, l => l == "result type (of 40 results)");
        long succeeded = _ended.Counts.Succeeded;
        string pct = (100.0 * succeeded / 40).ToString("0.0", CultureInfo.InvariantCulture) + "%";
        string row = lines.Single(l => l.StartsWith("  succeeded ", StringComparison.Ordinal));
        Assert.Contains($" {succeeded} ", row);
        Assert.Contains(pct, row);
        Assert.Contains("█", row);
        Assert.Contains(lines, l => l.StartsWith("input tokens (of ", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("cost: no price for claude-sonnet-4-6", StringComparison.Ordinal)); // no shipped price: tokens only
    }

    [Fact]
    public async Task Batches_without_results_and_bad_operands_get_their_exit_codes()
    {
        MessageBatch running = await _w.CreateAsync(3);
        Assert.Equal(6, (await _w.Run("stats", running.Id)).Code);
        CliRun unknown = await _w.Run("stats", "msgbatch_01NoSuchBatch");
        Assert.Equal(5, unknown.Code);
        Assert.Equal(2, (await _w.Run("stats", "not an id")).Code);
        CliRun missing = await _w.Run("stats", Path.Combine(_w.Home, "missing.jsonl"));
        Assert.Equal(1, missing.Code);
        Assert.Contains("no such file", missing.Err);
        Assert.Empty(missing.OutBytes);
    }

    [Fact]
    public async Task Values_from_the_file_are_shown_inert()
    {
        string file = Path.Combine(_w.Home, "hostile.jsonl");
        string evil = "\u001b]0;pwned\u0007\u001b[31mred\u202e";
        File.WriteAllText(file, string.Concat(Enumerable.Range(0, 3).Select(i =>
            JsonSerializer.Serialize(new
            {
                custom_id = $"r{i}",
                result = new
                {
                    type = "succeeded",
                    message = new
                    {
                        id = "m",
                        type = "message",
                        role = "assistant",
                        model = evil,
                        stop_reason = evil,
                        content = new object[] { new { type = "tool_use", id = "t", name = evil, input = new { } } },
                        usage = new { input_tokens = 5, output_tokens = 7 },
                    }
                }
            }) + "\n")), new UTF8Encoding(false));
        CliRun r = await _w.Run("stats", file, "--format", "table");
        Assert.Equal(0, r.Code);
        Assert.DoesNotContain('\u001b', r.Out);
        Assert.DoesNotContain('\u0007', r.Out);
        Assert.DoesNotContain('\u202e', r.Out);
        Assert.Contains("red", r.Out);
    }
}
