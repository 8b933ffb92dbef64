using System.Text.Json;

namespace BatchTui.Core.Requests;

/// <summary>
/// One request as read from a file or editor, before validation: whatever JSON value stood in its place.
/// </summary>
/// <param name="Index">1-based position in the batch.</param>
/// <param name="Line">1-based line where the request starts in the source text (null when built in memory).</param>
/// <param name="Value">The request object (<c>{"custom_id":..., "params":{...}}</c>) or whatever was there instead.</param>
public sealed record RequestEntry(int Index, int? Line, JsonElement Value)
{
    /// <summary>The custom_id when it is a string, for messages and previews.</summary>
    public string? CustomId =>
        Value.ValueKind == JsonValueKind.Object && Value.TryGetProperty("custom_id", out JsonElement id)
        && id.ValueKind == JsonValueKind.String ? Results.Model.JsonText.Of(id) : null;

    public JsonElement? Params =>
        Value.ValueKind == JsonValueKind.Object && Value.TryGetProperty("params", out JsonElement p) ? p : null;
}
