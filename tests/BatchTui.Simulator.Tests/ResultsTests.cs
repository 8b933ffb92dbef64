using System.Diagnostics;
using System.Text.Json;
using Xunit.Abstractions;

namespace BatchTui.Simulator.Tests;

/// <summary>Results: JSONL, one line per request, shuffled, deterministic, every documented shape.</summary>
public sealed class ResultsTests(ITestOutputHelper output)
{
    private static async Task<string> EndedBatchAsync(SimHost sim, (string, string)[] requests)
    {
        string id = (await sim.CreateAsync(requests)).Str("id")!;
        sim.Advance(TimeSpan.FromHours(7));
        Assert.Equal("ended", (await sim.OkAsync(HttpMethod.Get, $"/v1/messages/batches/{id}")).Str("processing_status"));
        return id;
    }

    [Fact]
    public async Task A_created_batch_answers_each_request_once_with_its_custom_id_and_model()
    {
        await using var sim = await SimHost.StartAsync(seedWorld: false);
        string[] models = ["claude-opus-4-8", "claude-sonnet-4-6", "claude-haiku-4-5-20251001"];
        var requests = Enumerable.Range(0, 120).Select(i => ($"doc_{i:D4}-x", models[i % 3])).ToArray();
        string id = await EndedBatchAsync(sim, requests);

        var lines = await sim.ResultLinesAsync(id);
        Assert.Equal(requests.Length, lines.Count);
        var seen = new List<string>();
        foreach (var line in lines)
        {
            var root = JsonDocument.Parse(line).RootElement;
            string customId = root.GetProperty("custom_id").GetString()!;
            seen.Add(customId);
            var result = root.GetProperty("result");
            string type = result.GetProperty("type").GetString()!;
            Assert.Contains(type, new[] { "succeeded", "errored" });
            if (type == "succeeded")
                Assert.Equal(requests.Single(r => r.Item1 == customId).Item2, result.GetProperty("message").GetProperty("model").GetString());
        }
        Assert.Equal(requests.Select(r => r.Item1).Order(), seen.Order());
        Assert.NotEqual(requests.Select(r => r.Item1), seen); // not in request order

        var batch = await sim.OkAsync(HttpMethod.Get, $"/v1/messages/batches/{id}");
        Assert.Equal(batch.Count("errored"), lines.Count(l => l.Contains("\"result\":{\"type\":\"errored\"")));
    }

    [Fact]
    public async Task Results_are_deterministic_from_the_seed()
    {
        async Task<List<string>> SeededResults(int seed)
        {
            await using var sim = await SimHost.StartAsync(seed: seed);
            var page = await sim.OkAsync(HttpMethod.Get, "/v1/messages/batches?limit=1000");
            var ended = page.GetProperty("data").EnumerateArray()
                .First(b => b.Str("processing_status") == "ended" && b.Str("archived_at") is null && b.CountsSum() > 20);
            var first = await sim.ResultLinesAsync(ended.Str("id")!);
            Assert.Equal(first, await sim.ResultLinesAsync(ended.Str("id")!));
            return [ended.Str("id")!, .. first];
        }
        Assert.Equal(await SeededResults(7), await SeededResults(7));
        Assert.NotEqual(await SeededResults(7), await SeededResults(8));
    }

    [Fact]
    public async Task Seeded_results_cover_every_documented_shape()
    {
        await using var sim = await SimHost.StartAsync();
        var page = await sim.OkAsync(HttpMethod.Get, "/v1/messages/batches?limit=1000");
        var seen = new Seen();
        foreach (var batch in page.GetProperty("data").EnumerateArray())
        {
            if (batch.Str("processing_status") != "ended" || batch.Str("archived_at") is not null) continue;
            var lines = await sim.ResultLinesAsync(batch.Str("id")!);
            Assert.Equal(batch.CountsSum(), lines.Count);
            foreach (var line in lines) seen.Line(JsonDocument.Parse(line).RootElement);
        }

        Assert.Equal(["canceled", "errored", "expired", "succeeded"], seen.ResultTypes.Order());
        Assert.Superset(new HashSet<string>
        {
            "text", "thinking", "redacted_thinking", "tool_use", "server_tool_use", "web_search_tool_result",
            "web_fetch_tool_result", "code_execution_tool_result", "bash_code_execution_tool_result",
            "text_editor_code_execution_tool_result", "tool_search_tool_result", "container_upload", "mcp_tool_use",
            "mcp_tool_result", "compaction",
        }, seen.BlockTypes);
        Assert.Superset(new HashSet<string>
        {
            "web_search_result", "web_search_tool_result_error", "web_fetch_result", "web_fetch_tool_result_error",
            "code_execution_result", "encrypted_code_execution_result", "code_execution_tool_result_error",
            "bash_code_execution_result", "bash_code_execution_tool_result_error",
            "text_editor_code_execution_view_result", "text_editor_code_execution_create_result",
            "text_editor_code_execution_str_replace_result", "text_editor_code_execution_tool_result_error",
            "tool_search_tool_search_result", "tool_search_tool_result_error", "code_execution_output",
            "bash_code_execution_output", "tool_reference", "document",
        }, seen.InnerTypes);
        Assert.Equal(["char_location", "content_block_location", "page_location", "search_result_location",
            "web_search_result_location"], seen.CitationTypes.Order());
        Assert.Equal(["bash_code_execution", "code_execution", "text_editor_code_execution", "tool_search_tool_bm25",
            "tool_search_tool_regex", "web_fetch", "web_search"], seen.ServerTools.Order());
        Assert.Equal(["compaction", "end_turn", "max_tokens", "model_context_window_exceeded", "pause_turn", "refusal",
            "stop_sequence", "tool_use"], seen.StopReasons.Order());
        Assert.Equal(["api_error", "authentication_error", "billing_error", "invalid_request_error", "not_found_error",
            "overloaded_error", "permission_error", "rate_limit_error", "timeout_error"], seen.ErrorTypes.Order());
        Assert.Superset(new HashSet<string> { "direct", "code_execution_20250825", "code_execution_20260120" }, seen.Callers);
        Assert.Superset(new HashSet<string> { "cyber", "bio", "null" }, seen.RefusalCategories);
        Assert.Superset(new HashSet<string>
        {
            "input_tokens", "output_tokens", "cache_creation_input_tokens", "cache_read_input_tokens", "cache_creation",
            "server_tool_use", "service_tier", "inference_geo", "output_tokens_details", "iterations", "speed",
        }, seen.UsageFields);
        Assert.Equal(["batch"], seen.ServiceTiers);
        Assert.True(seen.Containers > 0 && seen.StopSequences > 0 && seen.ContextManagement > 0);
        output.WriteLine($"{seen.Lines} lines: {seen.BlockTypes.Count} block types, {seen.InnerTypes.Count} inner types");
    }

    [Fact]
    public async Task Errored_results_use_the_error_response_envelope()
    {
        await using var sim = await SimHost.StartAsync();
        var page = await sim.OkAsync(HttpMethod.Get, "/v1/messages/batches?limit=1000");
        var batch = page.GetProperty("data").EnumerateArray()
            .First(b => b.Count("errored") > 10 && b.Str("archived_at") is null);
        foreach (var line in await sim.ResultLinesAsync(batch.Str("id")!))
        {
            var result = JsonDocument.Parse(line).RootElement.GetProperty("result");
            if (result.GetProperty("type").GetString() != "errored") continue;
            var error = result.GetProperty("error");
            Assert.Equal("error", error.GetProperty("type").GetString());
            Assert.False(string.IsNullOrEmpty(error.GetProperty("error").GetProperty("type").GetString()));
            Assert.False(string.IsNullOrEmpty(error.GetProperty("error").GetProperty("message").GetString()));
            Assert.StartsWith("req_", error.GetProperty("request_id").GetString());
            Assert.False(result.TryGetProperty("message", out _));
        }
    }

    [Fact]
    public async Task The_100000_request_batch_streams_every_line()
    {
        await using var sim = await SimHost.StartAsync(large: true);
        var page = await sim.OkAsync(HttpMethod.Get, "/v1/messages/batches?limit=1000");
        var batch = page.GetProperty("data").EnumerateArray().Single(b => b.CountsSum() == 100_000);
        Assert.Equal("ended", batch.Str("processing_status"));

        var clock = Stopwatch.StartNew();
        using var response = await sim.Http.GetAsync($"/v1/messages/batches/{batch.Str("id")}/results",
            HttpCompletionOption.ResponseHeadersRead);
        Assert.Null(response.Content.Headers.ContentLength); // streamed (chunked), not buffered
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync());
        var ids = new HashSet<string>();
        int succeeded = 0, errored = 0;
        long bytes = 0;
        while (await reader.ReadLineAsync() is { } line)
        {
            bytes += line.Length + 1;
            using var doc = JsonDocument.Parse(line);
            Assert.True(ids.Add(doc.RootElement.GetProperty("custom_id").GetString()!));
            switch (doc.RootElement.GetProperty("result").GetProperty("type").GetString())
            {
                case "succeeded": succeeded++; break;
                case "errored": errored++; break;
            }
        }
        clock.Stop();
        Assert.Equal(100_000, ids.Count);
        Assert.Equal(batch.Count("succeeded"), succeeded);
        Assert.Equal(batch.Count("errored"), errored);
        output.WriteLine($"100,000 results ({bytes / 1_048_576.0:0} MiB) streamed and parsed in {clock.Elapsed.TotalSeconds:0.00} s");
    }

    /// <summary>Every type, citation, stop reason... seen across a set of result lines.</summary>
    private sealed class Seen
    {
        public int Lines, Containers, StopSequences, ContextManagement;
        public HashSet<string> ResultTypes = [], BlockTypes = [], InnerTypes = [], CitationTypes = [], ServerTools = [],
            StopReasons = [], ErrorTypes = [], Callers = [], RefusalCategories = [], UsageFields = [], ServiceTiers = [];

        public void Line(JsonElement line)
        {
            Lines++;
            var result = line.GetProperty("result");
            ResultTypes.Add(result.GetProperty("type").GetString()!);
            if (result.TryGetProperty("error", out var error))
                ErrorTypes.Add(error.GetProperty("error").GetProperty("type").GetString()!);
            if (!result.TryGetProperty("message", out var message)) return;

            StopReasons.Add(message.GetProperty("stop_reason").GetString()!);
            if (message.GetProperty("stop_sequence").ValueKind == JsonValueKind.String) StopSequences++;
            if (message.GetProperty("container").ValueKind == JsonValueKind.Object) Containers++;
            if (message.TryGetProperty("context_management", out _)) ContextManagement++;
            if (message.GetProperty("stop_details") is { ValueKind: JsonValueKind.Object } details)
                RefusalCategories.Add(details.GetProperty("category").GetString() ?? "null");
            var usage = message.GetProperty("usage");
            foreach (var p in usage.EnumerateObject())
                if (p.Value.ValueKind != JsonValueKind.Null) UsageFields.Add(p.Name);
            ServiceTiers.Add(usage.GetProperty("service_tier").GetString()!);

            foreach (var block in message.GetProperty("content").EnumerateArray())
            {
                string type = block.GetProperty("type").GetString()!;
                BlockTypes.Add(type);
                if (type == "server_tool_use") ServerTools.Add(block.GetProperty("name").GetString()!);
                if (block.TryGetProperty("caller", out var caller)) Callers.Add(caller.GetProperty("type").GetString()!);
                if (block.TryGetProperty("citations", out var cites) && cites.ValueKind == JsonValueKind.Array)
                    foreach (var c in cites.EnumerateArray()) CitationTypes.Add(c.GetProperty("type").GetString()!);
                if (block.TryGetProperty("content", out var content)) Inner(content);
            }
        }

        private void Inner(JsonElement e)
        {
            if (e.ValueKind == JsonValueKind.Array)
                foreach (var item in e.EnumerateArray()) Inner(item);
            else if (e.ValueKind == JsonValueKind.Object)
            {
                if (e.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String) InnerTypes.Add(t.GetString()!);
                foreach (var p in e.EnumerateObject())
                    if (p.Value.ValueKind is JsonValueKind.Array or JsonValueKind.Object) Inner(p.Value);
            }
        }
    }
}
