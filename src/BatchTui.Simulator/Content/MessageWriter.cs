using BatchTui.Simulator.Engine;
using BatchTui.Simulator.Http;
using System.Text.Json;

namespace BatchTui.Simulator.Content;

/// <summary>A succeeded result's Message: id, model, content from a scenario, stop reason, container and usage.</summary>
internal static class MessageWriter
{
    /// <param name="hostile">Also write blocks of a type no API documents (<c>simulate --hostile</c>).</param>
    public static void Write(Utf8JsonWriter w, ref Rng rng, string model, Theme theme, int index, bool betaShapes,
        DateTimeOffset ranAt, bool hostile = false)
    {
        var tail = new MessageTail { RanAt = ranAt };
        w.WriteStartObject();
        w.WriteString("id", rng.Id("msg_01", 22));
        w.WriteString("type", "message");
        w.WriteString("role", "assistant");
        w.WriteString("model", model);
        w.WriteStartArray("content");
        long before = w.BytesCommitted + w.BytesPending;
        var scenario = theme == Theme.Mess ? MessScenarios.Pick(index) : Scenarios.Pick(ref rng, index, betaShapes);
        scenario(w, ref rng, theme, tail);
        if (hostile) HostileBlocks.Write(w, ref rng, index);
        if (!betaShapes) tail.NonBetaOnly();
        long contentBytes = w.BytesCommitted + w.BytesPending - before;
        w.WriteEndArray();

        w.WriteString("stop_reason", tail.StopReason);
        if (tail.StopSequence is null) w.WriteNull("stop_sequence");
        else w.WriteString("stop_sequence", tail.StopSequence);
        if (!tail.Refusal) w.WriteNull("stop_details");
        else
        {
            w.WriteStartObject("stop_details");
            w.WriteString("type", "refusal");
            if (tail.RefusalCategory is null) w.WriteNull("category"); else w.WriteString("category", tail.RefusalCategory);
            if (tail.RefusalExplanation is null) w.WriteNull("explanation");
            else w.WriteString("explanation", tail.RefusalExplanation);
            w.WriteEndObject();
        }
        WriteContainer(w, ref rng, tail);
        if (tail.ContextEdits) WriteContextManagement(w, ref rng);
        WriteUsage(w, ref rng, tail, (int)Math.Max(1, contentBytes / 4));
        w.WriteEndObject();
    }

    private static void WriteContainer(Utf8JsonWriter w, ref Rng rng, MessageTail tail)
    {
        if (!tail.Container)
        {
            w.WriteNull("container");
            return;
        }
        w.WriteStartObject("container");
        w.WriteString("id", rng.Id("container_011C"));
        // Containers live for a while after the request that used them.
        WireJson.WriteTimestamp(w, "expires_at", tail.RanAt + TimeSpan.FromMinutes(rng.Int(30, 300)));
        if (tail.Skills)
        {
            w.WriteStartArray("skills");
            w.WriteStartObject();
            w.WriteString("skill_id", "xlsx");
            w.WriteString("type", "anthropic");
            w.WriteString("version", "latest");
            w.WriteEndObject();
            w.WriteStartObject();
            w.WriteString("skill_id", "skill_01AbCdQuarterlyReport");
            w.WriteString("type", "custom");
            w.WriteString("version", "1759178010641129");
            w.WriteEndObject();
            w.WriteEndArray();
        }
        w.WriteEndObject();
    }

    private static void WriteContextManagement(Utf8JsonWriter w, ref Rng rng)
    {
        w.WriteStartObject("context_management");
        w.WriteStartArray("applied_edits");
        w.WriteStartObject();
        w.WriteString("type", "clear_tool_uses_20250919");
        w.WriteNumber("cleared_input_tokens", rng.Int(8_000, 60_000));
        w.WriteNumber("cleared_tool_uses", rng.Int(3, 40));
        w.WriteEndObject();
        w.WriteStartObject();
        w.WriteString("type", "clear_thinking_20251015");
        w.WriteNumber("cleared_input_tokens", rng.Int(2_000, 20_000));
        w.WriteNumber("cleared_thinking_turns", rng.Int(1, 8));
        w.WriteEndObject();
        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void WriteUsage(Utf8JsonWriter w, ref Rng rng, MessageTail tail, int visibleTokens)
    {
        int thinking = tail.ThinkingChars > 0 ? tail.ThinkingChars / 4 + rng.Int(20, 400) : 0;
        int output = visibleTokens + thinking;
        int input = rng.Int(180, 9_000);
        bool cached = rng.Chance(0.4);
        int cache5m = cached ? rng.Int(0, 2) * rng.Int(1_024, 6_000) : 0;
        int cache1h = cached && rng.Chance(0.3) ? rng.Int(1_024, 12_000) : 0;
        int cacheRead = cached ? rng.Int(0, 40_000) : 0;

        w.WriteStartObject("usage");
        w.WriteNumber("input_tokens", input);
        w.WriteNumber("cache_creation_input_tokens", cache5m + cache1h);
        w.WriteNumber("cache_read_input_tokens", cacheRead);
        w.WriteStartObject("cache_creation");
        w.WriteNumber("ephemeral_5m_input_tokens", cache5m);
        w.WriteNumber("ephemeral_1h_input_tokens", cache1h);
        w.WriteEndObject();
        w.WriteNumber("output_tokens", output);
        if (tail.WebSearches + tail.WebFetches == 0) w.WriteNull("server_tool_use");
        else
        {
            w.WriteStartObject("server_tool_use");
            w.WriteNumber("web_search_requests", tail.WebSearches);
            w.WriteNumber("web_fetch_requests", tail.WebFetches);
            w.WriteEndObject();
        }
        w.WriteString("service_tier", "batch");
        w.WriteString("inference_geo", "global");
        if (thinking == 0) w.WriteNull("output_tokens_details");
        else
        {
            w.WriteStartObject("output_tokens_details");
            w.WriteNumber("thinking_tokens", thinking);
            w.WriteEndObject();
        }
        if (tail.Compacted)
        {
            // Beta: one compaction iteration, then the message iteration that continued from the summary.
            w.WriteStartArray("iterations");
            WriteIteration(w, "compaction", rng.Int(60_000, 150_000), rng.Int(800, 3_000));
            WriteIteration(w, "message", input, output);
            w.WriteEndArray();
            w.WriteString("speed", "standard");
        }
        w.WriteEndObject();
    }

    private static void WriteIteration(Utf8JsonWriter w, string type, int input, int output)
    {
        w.WriteStartObject();
        w.WriteString("type", type);
        w.WriteNumber("input_tokens", input);
        w.WriteNumber("output_tokens", output);
        w.WriteNumber("cache_creation_input_tokens", 0);
        w.WriteNumber("cache_read_input_tokens", 0);
        w.WriteStartObject("cache_creation");
        w.WriteNumber("ephemeral_5m_input_tokens", 0);
        w.WriteNumber("ephemeral_1h_input_tokens", 0);
        w.WriteEndObject();
        w.WriteEndObject();
    }
}
