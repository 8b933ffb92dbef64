using BatchTui.Core.Results.Model;
using BatchTui.Core.Text;
using System.Globalization;
using System.Text.Json;

namespace BatchTui.Core.Requests;

/// <summary>
/// Checks a batch before anything is sent, against the API's documented rules. Every finding names the request and
/// the field; texts are stable (table-tested). Unknown params fields are left alone: the API grows faster than we do.
/// </summary>
public static class RequestValidator
{
    public const int MaxCustomIdLength = 64;
    public const int MinThinkingBudget = 1024;

    public static ValidationReport Validate(IReadOnlyList<RequestEntry> entries, long? bodyBytes = null, BatchLimits? limits = null)
    {
        limits ??= BatchLimits.Api;
        var messages = new List<ValidationMessage>();
        if (entries.Count == 0) messages.Add(Batch("requests", "must not be empty: the batch has no requests"));
        if (entries.Count > limits.MaxRequests)
            messages.Add(Batch("requests", $"must be at most {N(limits.MaxRequests)} per batch (got {N(entries.Count)})"));
        if (bodyBytes is { } size && size > limits.MaxBodyBytes)
            messages.Add(Batch("body", $"must be at most {Size(limits.MaxBodyBytes)}; it is {N(size)} bytes"));

        var firstIndexOf = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (RequestEntry entry in entries)
        {
            var check = new Check(entry, messages);
            check.Request();
            if (entry.CustomId is { } id && IsWellFormedId(id))
            {
                if (firstIndexOf.TryGetValue(id, out int first)) check.Error("custom_id", $"duplicates request #{first}: custom_ids must be unique in a batch");
                else firstIndexOf[id] = entry.Index;
            }
        }
        return new ValidationReport(messages);
    }

    public static bool IsWellFormedId(string id) =>
        id.Length is >= 1 and <= MaxCustomIdLength && id.All(IsIdChar);

    private static bool IsIdChar(char c) => char.IsAsciiLetterOrDigit(c) || c is '_' or '-';

    private static ValidationMessage Batch(string field, string problem) => new(Severity.Error, null, null, null, field, problem);

    private static string N(long n) => Units.N(n);

    private static string Size(long bytes) => bytes % (1024 * 1024) == 0 ? $"{bytes / (1024 * 1024)} MB ({N(bytes)} bytes)" : $"{N(bytes)} bytes";

    private static string Kind(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.Object => "object",
        JsonValueKind.Array => "array",
        JsonValueKind.String => "string",
        JsonValueKind.Number => "number",
        JsonValueKind.True or JsonValueKind.False => "boolean",
        _ => "null",
    };

    private static string Num(JsonElement e) => e.GetRawText();

    /// <summary>The value as written, for a message; text that does not decode is shown with U+FFFD.</summary>
    private static string Raw(JsonElement e) => e.ValueKind == JsonValueKind.String ? $"\"{JsonText.Of(e)}\"" : Num(e);

    /// <summary>The checks of one request, collecting into the shared list.</summary>
    private readonly struct Check(RequestEntry entry, List<ValidationMessage> sink)
    {
        public void Error(string field, string problem) =>
            sink.Add(new ValidationMessage(Severity.Error, entry.Index, entry.CustomId, entry.Line, field, problem));

        private void Warning(string field, string problem) =>
            sink.Add(new ValidationMessage(Severity.Warning, entry.Index, entry.CustomId, entry.Line, field, problem));

        public void Request()
        {
            JsonElement value = entry.Value;
            if (value.ValueKind != JsonValueKind.Object)
            {
                Error("", $"must be a JSON object with custom_id and params (got {Kind(value)})");
                return;
            }
            foreach (JsonProperty p in value.EnumerateObject())
                if (JsonText.NameOf(p) is not ("custom_id" or "params") and var name)
                    Error(name, "is not a request field (a request has only custom_id and params)");
            CustomId(value);
            if (!value.TryGetProperty("params", out JsonElement ps)) Error("params", "is required");
            else if (ps.ValueKind != JsonValueKind.Object) Error("params", $"must be an object (got {Kind(ps)})");
            else Params(ps);
        }

        private void CustomId(JsonElement request)
        {
            if (!request.TryGetProperty("custom_id", out JsonElement id)) { Error("custom_id", "is required"); return; }
            if (id.ValueKind != JsonValueKind.String) { Error("custom_id", $"must be a string (got {Kind(id)})"); return; }
            string s = JsonText.Of(id);
            if (s.Length is 0 or > MaxCustomIdLength) Error("custom_id", $"must be 1-64 characters (got {s.Length})");
            char? bad = s.FirstOrDefault(c => !IsIdChar(c));
            if (s.Any(c => !IsIdChar(c)))
                Error("custom_id", $"may contain only letters, digits, '_' and '-' (found '{bad}' at position {s.IndexOf(bad!.Value) + 1})");
        }

        private void Params(JsonElement ps)
        {
            // model
            if (!ps.TryGetProperty("model", out JsonElement model)) Error("params.model", "is required");
            else if (model.ValueKind != JsonValueKind.String || JsonText.Of(model).Trim().Length == 0)
                Error("params.model", "must be a non-empty string");
            else if (!KnownModels.IsKnown(JsonText.Of(model)))
                Warning("params.model", $"\"{JsonText.Of(model)}\" is not a known model id (it is sent as typed)");

            // max_tokens
            long? maxTokens = null;
            if (!ps.TryGetProperty("max_tokens", out JsonElement mt)) Error("params.max_tokens", "is required");
            else if (mt.ValueKind != JsonValueKind.Number || !mt.TryGetInt64(out long m)) Error("params.max_tokens", $"must be an integer (got {(mt.ValueKind == JsonValueKind.Number ? Num(mt) : Kind(mt))})");
            else if (m < 1) Error("params.max_tokens", $"must be at least 1 (got {Num(mt)})");
            else maxTokens = m;

            Messages(ps);
            Thinking(ps, maxTokens);
            Sampling(ps);
            Others(ps);
        }

        private void Messages(JsonElement ps)
        {
            if (!ps.TryGetProperty("messages", out JsonElement msgs)) { Error("params.messages", "is required"); return; }
            if (msgs.ValueKind != JsonValueKind.Array) { Error("params.messages", $"must be an array (got {Kind(msgs)})"); return; }
            int count = msgs.GetArrayLength();
            if (count == 0) { Error("params.messages", "must not be empty"); return; }
            int i = 0;
            foreach (JsonElement msg in msgs.EnumerateArray())
            {
                string at = $"params.messages[{i}]";
                bool last = i == count - 1;
                i++;
                if (msg.ValueKind != JsonValueKind.Object) { Error(at, $"must be an object with role and content (got {Kind(msg)})"); continue; }
                string? role = null;
                if (!msg.TryGetProperty("role", out JsonElement r)) Error($"{at}.role", "is required");
                else if (r.ValueKind != JsonValueKind.String || JsonText.Of(r) is not ("user" or "assistant"))
                    Error($"{at}.role", $"must be \"user\" or \"assistant\" (got {Raw(r)})");
                else role = JsonText.Of(r);

                bool prefill = last && role == "assistant";
                if (!msg.TryGetProperty("content", out JsonElement content)) Error($"{at}.content", "is required");
                else if (content.ValueKind == JsonValueKind.String)
                {
                    if (JsonText.Of(content).Length == 0 && !prefill) Error($"{at}.content", "must not be empty (only a final assistant turn may be)");
                }
                else if (content.ValueKind == JsonValueKind.Array)
                {
                    if (content.GetArrayLength() == 0 && !prefill) Error($"{at}.content", "must not be empty (only a final assistant turn may be)");
                    int b = 0;
                    foreach (JsonElement block in content.EnumerateArray())
                    {
                        if (block.ValueKind != JsonValueKind.Object) Error($"{at}.content[{b}]", $"must be a content block object (got {Kind(block)})");
                        else if (!block.TryGetProperty("type", out JsonElement t) || t.ValueKind != JsonValueKind.String)
                            Error($"{at}.content[{b}].type", "is required");
                        b++;
                    }
                }
                else Error($"{at}.content", $"must be a string or an array of content blocks (got {Kind(content)})");
            }
        }

        private void Thinking(JsonElement ps, long? maxTokens)
        {
            if (!ps.TryGetProperty("thinking", out JsonElement th)) return;
            if (th.ValueKind != JsonValueKind.Object) { Error("params.thinking", $"must be an object (got {Kind(th)})"); return; }
            if (!th.TryGetProperty("type", out JsonElement t)) { Error("params.thinking.type", "is required"); return; }
            string? type = t.ValueKind == JsonValueKind.String ? JsonText.Of(t) : null;
            if (type is not ("enabled" or "disabled" or "adaptive"))
            {
                Error("params.thinking.type", $"must be \"enabled\", \"disabled\" or \"adaptive\" (got {Raw(t)})");
                return;
            }
            if (type != "enabled") return;
            if (!th.TryGetProperty("budget_tokens", out JsonElement bt)) { Error("params.thinking.budget_tokens", "is required when thinking is \"enabled\""); return; }
            if (bt.ValueKind != JsonValueKind.Number || !bt.TryGetInt64(out long budget)) { Error("params.thinking.budget_tokens", $"must be an integer (got {(bt.ValueKind == JsonValueKind.Number ? Num(bt) : Kind(bt))})"); return; }
            if (budget < MinThinkingBudget) Error("params.thinking.budget_tokens", $"must be at least 1,024 (got {N(budget)})");
            if (maxTokens is { } max && budget >= max)
                Error("params.thinking.budget_tokens", $"must be less than max_tokens (got {N(budget)}, max_tokens is {N(max)})");
        }

        private void Sampling(JsonElement ps)
        {
            bool hasTemperature = ps.TryGetProperty("temperature", out JsonElement temp);
            if (hasTemperature)
            {
                if (temp.ValueKind != JsonValueKind.Number) Error("params.temperature", $"must be a number (got {Kind(temp)})");
                else if (!temp.TryGetDouble(out double t) || t is < 0 or > 1) Error("params.temperature", $"must be between 0 and 1 (got {Num(temp)})");
            }
            if (ps.TryGetProperty("top_p", out JsonElement topP))
            {
                if (topP.ValueKind != JsonValueKind.Number) Error("params.top_p", $"must be a number (got {Kind(topP)})");
                else if (!topP.TryGetDouble(out double p) || p is < 0 or > 1) Error("params.top_p", $"must be between 0 and 1 (got {Num(topP)})");
                if (hasTemperature) Error("params.top_p", "cannot be set together with temperature: set one or the other");
            }
        }

        private void Others(JsonElement ps)
        {
            if (ps.TryGetProperty("system", out JsonElement sys) && sys.ValueKind is not (JsonValueKind.String or JsonValueKind.Array))
                Error("params.system", $"must be a string or an array of text blocks (got {Kind(sys)})");
            if (ps.TryGetProperty("stop_sequences", out JsonElement stops) &&
                (stops.ValueKind != JsonValueKind.Array || stops.EnumerateArray().Any(s => s.ValueKind != JsonValueKind.String)))
                Error("params.stop_sequences", "must be an array of strings");
            if (ps.TryGetProperty("metadata", out JsonElement meta))
            {
                if (meta.ValueKind != JsonValueKind.Object) Error("params.metadata", $"must be an object (got {Kind(meta)})");
                else if (meta.TryGetProperty("user_id", out JsonElement uid) && uid.ValueKind == JsonValueKind.String && JsonText.Of(uid).Length > 256)
                    Error("params.metadata.user_id", $"must be at most 256 characters (got {JsonText.Of(uid).Length})");
            }
            if (ps.TryGetProperty("tools", out JsonElement tools))
            {
                if (tools.ValueKind != JsonValueKind.Array) { Error("params.tools", $"must be an array (got {Kind(tools)})"); return; }
                int i = 0;
                foreach (JsonElement tool in tools.EnumerateArray())
                {
                    string at = $"params.tools[{i++}]";
                    if (tool.ValueKind != JsonValueKind.Object) { Error(at, $"must be an object (got {Kind(tool)})"); continue; }
                    bool custom = !tool.TryGetProperty("type", out JsonElement tt) || tt.ValueKind != JsonValueKind.String || JsonText.Of(tt) == "custom";
                    if (!custom) continue; // server tools (web_search_20250305, ...) have their own shapes
                    if (!tool.TryGetProperty("name", out JsonElement name) || name.ValueKind != JsonValueKind.String || JsonText.Of(name).Length == 0)
                        Error($"{at}.name", "is required");
                    if (!tool.TryGetProperty("input_schema", out JsonElement schema) || schema.ValueKind != JsonValueKind.Object)
                        Error($"{at}.input_schema", "is required (an object)");
                }
            }
        }
    }
}
