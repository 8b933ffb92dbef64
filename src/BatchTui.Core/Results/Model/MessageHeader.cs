using BatchTui.Core.Results.Blocks;
using BatchTui.Core.Text;
using System.Text.Json;

namespace BatchTui.Core.Results.Model;

/// <summary>The message node: id, model, stop_reason / stop_sequence / stop_details, usage, container, context edits.</summary>
public static class MessageHeader
{
    public static ResultNode Render(JsonElement m)
    {
        string id = m.Str("id") ?? "?";
        string model = m.Str("model") ?? "?";
        string stop = m.Str("stop_reason") ?? "null";
        JsonElement usage = m.Prop("usage") ?? default;
        long input = usage.Long("input_tokens") ?? 0, output = usage.Long("output_tokens") ?? 0;
        var children = new List<ResultNode> { Nodes.Field("id", id), Nodes.Field("model", model), StopReason(stop) };
        if (m.Str("stop_sequence") is { } seq) children.Add(Nodes.Field("stop_sequence", Nodes.Quote(seq)));
        if (m.Prop("stop_details") is { } details) children.Add(StopDetails(details));
        if (usage.ValueKind == JsonValueKind.Object) children.Add(Usage(usage));
        if (m.Prop("container") is { } container) children.Add(Container(container));
        if (m.Prop("context_management") is { } cm) children.Add(Nodes.JsonValue($"context_management: {Units.Plural(cm.Items("applied_edits").Count(), "applied edit")}", cm, collapsed: true));
        return new ResultNode("message", $"message {id} · {model} · {stop} · {input:N0} in / {output:N0} out", null, children, raw: null);
    }

    private static ResultNode StopReason(string stop)
    {
        string meaning = stop switch
        {
            "end_turn" => "the model finished naturally",
            "max_tokens" => "cut off: max_tokens or the model's limit was reached",
            "stop_sequence" => "one of the custom stop sequences was generated",
            "tool_use" => "the model called a tool and waits for its result",
            "pause_turn" => "a long-running turn was paused; send it back as-is to continue",
            "refusal" => "the model declined (safety classifiers intervened)",
            "model_context_window_exceeded" => "the context window was exhausted",
            "compaction" => "the context was compacted",
            _ => "",
        };
        return Nodes.Field("stop_reason", meaning.Length == 0 ? stop : $"{stop} ({meaning})");
    }

    private static ResultNode StopDetails(JsonElement d)
    {
        string type = d.Str("type") ?? "?";
        string category = d.Str("category") ?? "none";
        string? explanation = d.Str("explanation");
        return new ResultNode("stop_details", $"stop_details: {type}, category {category}{(explanation is null ? "" : " — " + Json.FirstLine(explanation, 50))}", explanation,
            [Nodes.Field("type", type), Nodes.Field("category", category), Nodes.Field("explanation", explanation)], raw: d);
    }

    private static ResultNode Usage(JsonElement u)
    {
        long input = u.Long("input_tokens") ?? 0, output = u.Long("output_tokens") ?? 0;
        long cacheRead = u.Long("cache_read_input_tokens") ?? 0, cacheWrite = u.Long("cache_creation_input_tokens") ?? 0;
        var children = new List<ResultNode>
        {
            Nodes.Field("input_tokens", input),
            Nodes.Field("output_tokens", output),
            Nodes.Field("cache_read_input_tokens", cacheRead),
            Nodes.Field("cache_creation_input_tokens", cacheWrite),
            Nodes.Field("total input (input + cache read + cache write)", input + cacheRead + cacheWrite),
        };
        if (u.Prop("cache_creation") is { } cc)
            children.Add(Nodes.Field("cache_creation", $"5m {cc.Long("ephemeral_5m_input_tokens") ?? 0:N0} · 1h {cc.Long("ephemeral_1h_input_tokens") ?? 0:N0}"));
        if (u.Prop("output_tokens_details") is { } otd) children.Add(Nodes.Field("thinking_tokens", otd.Long("thinking_tokens") ?? 0));
        if (u.Prop("server_tool_use") is { ValueKind: JsonValueKind.Object } stu)
            children.Add(Nodes.Field("server_tool_use", string.Join(" · ", stu.EnumerateObject().Select(p => $"{JsonText.NameOf(p)} {p.Value.GetRawText()}"))));
        if (u.Str("service_tier") is { } tier) children.Add(Nodes.Field("service_tier", tier));
        if (u.Str("inference_geo") is { } geo) children.Add(Nodes.Field("inference_geo", geo));
        if (u.Str("speed") is { } speed) children.Add(Nodes.Field("speed", speed));
        if (u.Prop("iterations") is { ValueKind: JsonValueKind.Array } it) children.Add(Nodes.JsonValue($"iterations: {it.GetArrayLength()}", it, collapsed: true));
        return new ResultNode("usage", $"usage: {input:N0} in · {output:N0} out · cache read {cacheRead:N0} · cache write {cacheWrite:N0}", null, children, raw: u);
    }

    private static ResultNode Container(JsonElement c)
    {
        var children = new List<ResultNode> { Nodes.Field("id", c.Str("id")), Nodes.Field("expires_at", c.Str("expires_at")) };
        foreach (JsonElement s in c.Items("skills"))
            children.Add(Nodes.Field("skill", $"{s.Str("skill_id")} ({s.Str("type")}, version {s.Str("version")})"));
        return new ResultNode("container", $"container: {c.Str("id")} (expires {c.Str("expires_at")})", null, children, raw: c);
    }
}
