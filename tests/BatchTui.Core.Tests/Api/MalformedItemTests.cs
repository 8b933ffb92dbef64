using BatchTui.Core.Api;

namespace BatchTui.Core.Tests.Api;

/// <summary>
/// A list page where one batch is malformed: that row fails, marked with what is known and why; the rest of the page
/// reads as usual. In both SDK namespaces, against a scripted server over loopback HTTP.
/// </summary>
public sealed class MalformedItemTests
{
    private const string Key = "sk-ant-malformed-item-key";

    private static AnthropicBatchesApi Client(ScriptedServer server, IReadOnlyList<string>? betas = null) =>
        new(new BatchesApiSettings { BaseUrl = server.BaseUrl, ApiKey = new ApiKey(Key), MaxRetries = 0, Betas = betas ?? [] });

    private static string Page(params string[] items) =>
        "{\"data\":[" + string.Join(",", items) + "],\"has_more\":false,\"first_id\":\"msgbatch_a\",\"last_id\":\"msgbatch_c\"}";

    public static TheoryData<string, string, string> BadItems => new()
    {
        // name, the bad item, what the row's id reads
        { "counts of the wrong type", SampleJson.Batch("msgbatch_bad").Replace("\"processing\":2", "\"processing\":\"two\"", StringComparison.Ordinal), "msgbatch_bad" },
        { "created_at not a date", SampleJson.Batch("msgbatch_bad").Replace("\"2026-12-01T10:00:00Z\"", "12", StringComparison.Ordinal), "msgbatch_bad" },
        { "request_counts missing", SampleJson.Batch("msgbatch_bad").Replace("\"request_counts\"", "\"request_tallies\"", StringComparison.Ordinal), "msgbatch_bad" },
        { "id a number", SampleJson.Batch("msgbatch_bad").Replace("\"msgbatch_bad\"", "42", StringComparison.Ordinal), "" },
        { "not an object", "[1,2]", "" },
        { "a negative count", SampleJson.Batch("msgbatch_bad").Replace("\"succeeded\":0", "\"succeeded\":-3", StringComparison.Ordinal), "msgbatch_bad" },
    };

    [Theory]
    [MemberData(nameof(BadItems))]
    public async Task One_malformed_batch_fails_its_row_and_the_rest_of_the_page_reads(string name, string bad, string shownId)
    {
        foreach (string[]? betas in new[] { null, new[] { "message-batches-2024-09-24" } })
        {
            string body = Page(SampleJson.Batch("msgbatch_a"), bad, SampleJson.Batch("msgbatch_c", "ended"));
            await using var server = await ScriptedServer.StartAsync((ctx, _) => ScriptedServer.Json(ctx, 200, body));
            using var api = Client(server, betas);

            BatchPage page = await api.ListAsync(new PageRequest(3));

            Assert.Equal(3, page.Data.Count);
            Assert.Equal(["msgbatch_a", shownId, "msgbatch_c"], page.Data.Select(b => b.Id));
            Assert.Null(page.Data[0].Malformed);
            Assert.Null(page.Data[2].Malformed);
            Assert.Equal(BatchStatus.Ended, page.Data[2].Status);
            MessageBatch row = page.Data[1];
            Assert.False(string.IsNullOrWhiteSpace(row.Malformed), name);
            Assert.True(row.Malformed!.Length <= 201, name);
            Assert.Equal(bad.Trim(), row.RawJson.Trim());
            Assert.NotNull(row.Unactionable);
            Assert.Contains("is malformed (", row.Unactionable);
            if (name == "a negative count") Assert.Equal("request_counts.succeeded is negative", row.Malformed);
        }
    }

    [Fact]
    public async Task Counts_that_overflow_long_when_summed_read_and_sum_saturating()
    {
        string huge = SampleJson.Batch("msgbatch_big", "ended").Replace(
            "{\"processing\":2,\"succeeded\":0,\"errored\":0,\"canceled\":0,\"expired\":0}",
            $"{{\"processing\":0,\"succeeded\":{long.MaxValue},\"errored\":{long.MaxValue},\"canceled\":1,\"expired\":{long.MaxValue}}}", StringComparison.Ordinal);
        await using var server = await ScriptedServer.StartAsync((ctx, _) => ScriptedServer.Json(ctx, 200, Page(huge)));
        using var api = Client(server);
        MessageBatch b = Assert.Single((await api.ListAsync(new PageRequest(1))).Data);
        Assert.Null(b.Malformed);
        Assert.Equal(long.MaxValue, b.Counts.Total);
        Assert.Equal(long.MaxValue, b.Counts.Results);
        Assert.Equal(long.MaxValue, RequestCounts.SaturatingSum(long.MaxValue, 1, -5));
        Assert.Equal(3, RequestCounts.SaturatingSum(1, -7, 2));
    }
}
