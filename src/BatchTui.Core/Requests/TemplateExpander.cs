using BatchTui.Core.Api;
using BatchTui.Core.Results.Model;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace BatchTui.Core.Requests;

/// <summary>A problem with a form field itself (not a number, broken JSON), named by the form's field name.</summary>
public sealed record TemplateError(string Field, string Message)
{
    public string Text => $"{Field}: {Message}";
    public override string ToString() => Text;
}

public sealed record TemplateExpansion(IReadOnlyList<BatchRequestItem> Items, IReadOnlyList<TemplateError> Errors)
{
    public bool HasErrors => Errors.Count > 0;
}

/// <summary>
/// Turns one <see cref="RequestTemplate"/> and a list of inputs into requests, one per input. Typing problems are
/// reported here; the API rules are left to <see cref="RequestValidator"/>, which sees the result like any file.
/// </summary>
public static class TemplateExpander
{
    public static TemplateExpansion Expand(RequestTemplate t, IReadOnlyList<string> inputs)
    {
        var errors = new List<TemplateError>();
        // Half a surrogate pair (a pasted, cut emoji) cannot be written as JSON: say where, before anything else.
        foreach (var (field, value) in Fields(t))
            if (!JsonText.IsWellFormed(value)) errors.Add(new TemplateError(field, BrokenText));
        for (int i = 0; i < inputs.Count; i++)
            if (!JsonText.IsWellFormed(inputs[i])) errors.Add(new TemplateError($"input {i + 1}", BrokenText));
        if (errors.Count > 0) return new TemplateExpansion([], errors);

        CustomIdPattern? pattern = CustomIdPattern.TryParse(t.CustomIdPattern, out string? patternError);
        if (pattern is null) errors.Add(new TemplateError("custom_id pattern", patternError!));

        bool usesInput = t.UserMessage.Contains(RequestTemplate.InputPlaceholder, StringComparison.Ordinal)
                         || t.System.Contains(RequestTemplate.InputPlaceholder, StringComparison.Ordinal);
        if (usesInput && inputs.Count == 0)
            errors.Add(new TemplateError("inputs", "the message uses {input} but there are no inputs: paste one per line or load a file"));
        if (!usesInput && inputs.Count > 1)
            errors.Add(new TemplateError("user message", $"has no {{input}} placeholder, so all {inputs.Count} requests would be the same"));
        if (pattern is { HasNumber: false } && Math.Max(1, inputs.Count) > 1)
            errors.Add(new TemplateError("custom_id pattern", "must contain {n} when there is more than one input (custom_ids must be unique)"));

        long? maxTokens = Integer("max_tokens", t.MaxTokens, errors, required: true);
        double? temperature = null;
        if (t.Temperature.Trim().Length > 0)
        {
            if (double.TryParse(t.Temperature.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out double d) && double.IsFinite(d)) temperature = d;
            else errors.Add(new TemplateError("temperature", $"must be a number such as 0.7 (got \"{t.Temperature.Trim()}\")"));
        }
        string thinkingType = t.ThinkingType.Trim();
        long? budget = thinkingType == "enabled" ? Integer("thinking budget", t.ThinkingBudget, errors, required: true) : null;
        JsonNode? tools = Json("tools", t.ToolsJson, JsonValueKind.Array, errors);
        JsonNode? metadata = Json("metadata", t.MetadataJson, JsonValueKind.Object, errors);
        string[] stops = t.StopSequences.Split('\n').Select(s => s.TrimEnd('\r')).Where(s => s.Length > 0).ToArray();

        if (errors.Count > 0) return new TemplateExpansion([], errors);

        IReadOnlyList<string> each = inputs.Count == 0 ? [""] : inputs;
        var items = new List<BatchRequestItem>(each.Count);
        for (int i = 0; i < each.Count; i++)
        {
            string input = each[i];
            var ps = new JsonObject { ["model"] = t.Model.Trim(), ["max_tokens"] = maxTokens };
            if (t.System.Length > 0) ps["system"] = t.System.Replace(RequestTemplate.InputPlaceholder, input, StringComparison.Ordinal);
            ps["messages"] = new JsonArray(new JsonObject
            {
                ["role"] = "user",
                ["content"] = t.UserMessage.Replace(RequestTemplate.InputPlaceholder, input, StringComparison.Ordinal),
            });
            if (temperature is { } temp) ps["temperature"] = temp;
            if (thinkingType.Length > 0)
            {
                var thinking = new JsonObject { ["type"] = thinkingType };
                if (budget is { } b) thinking["budget_tokens"] = b;
                ps["thinking"] = thinking;
            }
            if (tools is not null) ps["tools"] = tools.DeepClone();
            if (stops.Length > 0) ps["stop_sequences"] = new JsonArray(stops.Select(s => (JsonNode?)s).ToArray());
            if (metadata is not null) ps["metadata"] = metadata.DeepClone();
            items.Add(new BatchRequestItem(pattern!.Format(i + 1), JsonSerializer.SerializeToElement(ps, CoreJson.Default.JsonNode)));
        }
        return new TemplateExpansion(items, []);
    }

    private const string BrokenText = "holds half of a surrogate pair (a cut emoji?): retype or delete it";

    private static IEnumerable<(string Field, string Value)> Fields(RequestTemplate t) =>
    [
        ("model", t.Model), ("max_tokens", t.MaxTokens), ("system", t.System), ("user message", t.UserMessage),
        ("temperature", t.Temperature), ("thinking", t.ThinkingType), ("thinking budget", t.ThinkingBudget),
        ("tools", t.ToolsJson), ("stop sequences", t.StopSequences), ("metadata", t.MetadataJson),
        ("custom_id pattern", t.CustomIdPattern),
    ];

    /// <summary>Inputs from pasted text or a file: one per non-blank line.</summary>
    public static IReadOnlyList<string> InputsFromText(string text) =>
        text.Split('\n').Select(l => l.TrimEnd('\r')).Where(l => l.Trim().Length > 0).ToList();

    public static async Task<IReadOnlyList<string>> InputsFromFileAsync(string path, CancellationToken ct = default) =>
        InputsFromText(await Input.BoundedFile.ReadAllTextAsync(path, BatchLimits.Api.MaxBodyBytes, "the inputs file", ct: ct));

    private static long? Integer(string field, string text, List<TemplateError> errors, bool required)
    {
        string s = text.Trim().Replace(",", "", StringComparison.Ordinal).Replace("_", "", StringComparison.Ordinal);
        if (s.Length == 0)
        {
            if (required) errors.Add(new TemplateError(field, "is required"));
            return null;
        }
        if (long.TryParse(s, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long n)) return n;
        errors.Add(new TemplateError(field, $"must be a whole number (got \"{text.Trim()}\")"));
        return null;
    }

    private static JsonNode? Json(string field, string text, JsonValueKind kind, List<TemplateError> errors)
    {
        if (text.Trim().Length == 0) return null;
        try
        {
            JsonNode? node = JsonNode.Parse(text);
            JsonValueKind actual = node?.GetValueKind() ?? JsonValueKind.Null;
            if (actual == kind) return node;
            errors.Add(new TemplateError(field, $"must be a JSON {(kind == JsonValueKind.Array ? "array" : "object")} (got {actual.ToString().ToLowerInvariant()})"));
        }
        catch (JsonException)
        {
            // Re-read for a line:column position.
            JsonSyntaxError? error = RequestsParser.FirstJsonError(text);
            errors.Add(new TemplateError(field, error is null ? "is not valid JSON" : $"{error.Text}"));
        }
        return null;
    }
}
