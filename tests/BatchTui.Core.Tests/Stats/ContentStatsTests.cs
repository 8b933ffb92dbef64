using BatchTui.Core.Results.Index;
using BatchTui.Core.Results.Query;
using BatchTui.Core.Results.Stats;
using BatchTui.Core.Tests.Results;
using static BatchTui.Core.Tests.Results.ResultLines;

namespace BatchTui.Core.Tests.Stats;

/// <summary>What the read of the lines finds in every block type the API writes (fixtures of api-domain.md §3).</summary>
public sealed class ContentStatsTests
{
    [Fact]
    public void Tools_name_client_server_and_mcp_calls_and_citations_their_domains()
    {
        using var dir = new TempDir();
        using ResultsIndex index = ResultsIndex.Build(WriteFile(dir,
            Valid(Succeeded("all", AllBlocks())),
            Valid(Succeeded("plain", ResultLines.Text("hello"))),
            Errored("e", "overloaded_error"),
            "{not json"));
        ContentStats c = ContentStats.Scan(index, Enumerable.Range(0, index.Count).ToArray());
        Assert.Equal(2, c.Scanned);
        var tools = c.Tables.Single(t => t.Name == "tool_name").Rows.Select(r => r.Value).Order().ToList();
        Assert.Equal(["bash_code_execution (server)", "get_weather", "lookup", "search_issues (mcp github)", "text_editor_code_execution (server)", "web_search (server)"], tools);
        var domains = c.Tables.Single(t => t.Name == "citation_domain").Rows.ToDictionary(r => r.Value, r => r.Count);
        Assert.Equal(new Dictionary<string, int> { ["(document)"] = 1, ["example.org"] = 1, ["runbooks"] = 1 }, domains);
        FrequencyTable blocks = c.Tables.Single(t => t.Name == "content_block_type");
        Assert.Equal(2, blocks.Rows.Single(r => r.Value == "text").Count);
        Assert.Equal(50.0, blocks.Rows.Single(r => r.Value == "hologram").Percent);
        // Enter on a tool: the one result that called it.
        var query = new ResultsQuery(index);
        ResultsView v = query.Run(c.Tables.Single(t => t.Name == "tool_name").Rows.Single(r => r.Value == "get_weather").Narrow(ResultsFilter.None));
        Assert.Equal(["all"], v.Rows.Select(r => index[r].CustomId));
        Assert.Contains("tool=get_weather", v.Filter.Describe());
    }

    [Fact]
    public void A_canceled_read_stops_with_the_token()
    {
        using var dir = new TempDir();
        using ResultsIndex index = ResultsIndex.Build(WriteFile(dir, Enumerable.Range(0, 50).Select(i => Succeeded($"r{i}", ResultLines.Text("x"))).ToArray()));
        using var cts = new CancellationTokenSource();
        cts.Cancel();
        Assert.ThrowsAny<OperationCanceledException>(() => ContentStats.Scan(index, Enumerable.Range(0, index.Count).ToArray(), ct: cts.Token));
    }
}
