using Anthropic.Models.Messages.Batches;
using System.Text.Json;
using Xunit.Abstractions;
using BetaBatch = Anthropic.Models.Beta.Messages.Batches.BetaMessageBatch;
using BetaResponse = Anthropic.Models.Beta.Messages.Batches.BetaMessageBatchIndividualResponse;

namespace BatchTui.Simulator.Tests;

/// <summary>
/// The official Anthropic SDK's own models, not ours, validate what the simulator serves: every batch object, and
/// every result line against the beta models (which know every block type), non-beta models where the line uses
/// only non-beta shapes.
/// </summary>
public sealed class SdkConformanceTests(ITestOutputHelper output)
{
    private static readonly string[] BetaOnly = ["\"mcp_tool_use\"", "\"mcp_tool_result\"", "\"compaction\"", "\"model_context_window_exceeded\"", "\"iterations\"", "\"context_management\"", "\"skills\""];

    [Fact]
    public async Task Batches_and_results_validate_against_the_sdk_models()
    {
        await using var sim = await SimHost.StartAsync();
        int lines = 0, nonBeta = 0;
        foreach (var (id, json) in await EndedBatchesAsync(sim))
        {
            foreach (var line in await sim.ResultLinesAsync(id))
            {
                lines++;
                Validate(() => JsonSerializer.Deserialize<BetaResponse>(line)!.Validate(), line);
                if (BetaOnly.Any(line.Contains)) continue;
                nonBeta++;
                Validate(() => JsonSerializer.Deserialize<MessageBatchIndividualResponse>(line)!.Validate(), line);
            }
        }
        output.WriteLine($"{lines} lines valid as beta, {nonBeta} also as non-beta");
        Assert.True(lines > 5000 && nonBeta > 4000);
    }

    [Fact]
    public async Task With_strict_namespaces_non_beta_results_are_all_valid_non_beta_and_beta_ones_keep_everything()
    {
        await using var sim = await SimHost.StartAsync(strictNamespaces: true);
        int lines = 0;
        bool betaOnlySeen = false;
        foreach (var (id, _) in await EndedBatchesAsync(sim))
        {
            foreach (var line in await sim.ResultLinesAsync(id))
            {
                lines++;
                Validate(() => JsonSerializer.Deserialize<MessageBatchIndividualResponse>(line)!.Validate(), line);
                Assert.DoesNotContain(BetaOnly, line.Contains);
            }
            foreach (var line in await sim.ResultLinesAsync(id, beta: "message-batches-2024-09-24"))
            {
                Validate(() => JsonSerializer.Deserialize<BetaResponse>(line)!.Validate(), line);
                betaOnlySeen |= BetaOnly.Any(line.Contains);
            }
        }
        Assert.True(lines > 5000);
        Assert.True(betaOnlySeen);
    }

    [Fact]
    public async Task With_strict_namespaces_a_beta_query_marker_also_selects_the_beta_shapes()
    {
        await using var sim = await SimHost.StartAsync(strictNamespaces: true);
        var ended = await EndedBatchesAsync(sim);
        string id = ended.OrderByDescending(b => JsonDocument.Parse(b.Json).RootElement.CountsSum()).First().Id;
        using var response = await sim.Http.GetAsync($"/v1/messages/batches/{id}/results?beta=true");
        string body = await response.Content.ReadAsStringAsync();
        Assert.Contains(BetaOnly, body.Contains);
        Assert.DoesNotContain(BetaOnly, string.Join("\n", await sim.ResultLinesAsync(id)).Contains);
    }

    /// <summary>Validates every listed batch with both SDK models; returns those with downloadable results.</summary>
    private static async Task<List<(string Id, string Json)>> EndedBatchesAsync(SimHost sim)
    {
        var page = await sim.OkAsync(HttpMethod.Get, "/v1/messages/batches?limit=1000");
        var ended = new List<(string, string)>();
        foreach (var element in page.GetProperty("data").EnumerateArray())
        {
            string json = element.GetRawText();
            Validate(() => JsonSerializer.Deserialize<MessageBatch>(json)!.Validate(), json);
            Validate(() => JsonSerializer.Deserialize<BetaBatch>(json)!.Validate(), json);
            if (element.Str("processing_status") == "ended" && element.Str("archived_at") is null)
                ended.Add((element.Str("id")!, json));
        }
        return ended;
    }

    [Theory]
    [InlineData("\"usage\":{\"input_tokens\":5,", "\"usage\":{")]                       // input_tokens missing
    [InlineData("{\"type\":\"text\",\"text\":\"Hi\",", "{\"type\":\"text\",")]       // text missing
    [InlineData("\"web_search_requests\":1", "\"web_search_requests\":\"one\"")]   // wrong type
    public void The_sdk_check_does_catch_a_broken_line(string good, string broken)
    {
        string line = "{\"custom_id\":\"a\",\"result\":{\"type\":\"succeeded\",\"message\":{\"id\":\"msg_1\",\"type\":\"message\"," +
            "\"role\":\"assistant\",\"model\":\"claude-opus-4-8\",\"content\":[{\"type\":\"text\",\"text\":\"Hi\",\"citations\":null}]," +
            "\"stop_reason\":\"end_turn\",\"stop_sequence\":null,\"stop_details\":null,\"container\":null,\"usage\":{\"input_tokens\":5," +
            "\"output_tokens\":2,\"cache_creation_input_tokens\":0,\"cache_read_input_tokens\":0,\"cache_creation\":null," +
            "\"server_tool_use\":{\"web_search_requests\":1,\"web_fetch_requests\":0},\"service_tier\":\"batch\"," +
            "\"inference_geo\":null,\"output_tokens_details\":null}}}}";
        JsonSerializer.Deserialize<MessageBatchIndividualResponse>(line)!.Validate();
        Assert.Contains(good, line);
        string bad = line.Replace(good, broken);
        Assert.ThrowsAny<Exception>(() => JsonSerializer.Deserialize<MessageBatchIndividualResponse>(bad)!.Validate());
    }

    private static void Validate(Action validate, string line)
    {
        try
        {
            validate();
        }
        catch (Exception e)
        {
            Assert.Fail($"{e.GetType().Name}: {e.Message}\n{line}");
        }
    }
}
