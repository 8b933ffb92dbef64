using BatchTui.Core.Api;
using BatchTui.Core.Text;

namespace BatchTui.Core.Requests;

/// <summary>What is about to be sent: how many requests, which models, how big the body is.</summary>
public sealed record RequestsPreview(int Count, IReadOnlyList<ModelCount> Models, long BodyBytes)
{
    public static RequestsPreview Of(IReadOnlyList<BatchRequestItem> items) => Of(items, RequestsJson.MeasureBody(items));

    public static RequestsPreview Of(IReadOnlyList<BatchRequestItem> items, long bodyBytes)
    {
        var models = items
            .GroupBy(i => ModelOf(i) ?? "(no model)", StringComparer.Ordinal)
            .Select(g => new ModelCount(g.Key, g.Count()))
            .OrderByDescending(m => m.Count).ThenBy(m => m.Model, StringComparer.Ordinal)
            .ToList();
        return new RequestsPreview(items.Count, models, bodyBytes);
    }

    /// <summary>The preview as a user reads it, one fact per line.</summary>
    public IReadOnlyList<string> Lines =>
    [
        $"requests: {Units.N(Count)}",
        $"models:   {string.Join(", ", Models.Select(m => $"{m.Model} ×{Units.N(m.Count)}"))}",
        $"body:     {Units.Bytes(BodyBytes)} ({Units.N(BodyBytes)} bytes)",
    ];

    private static string? ModelOf(BatchRequestItem item) =>
        item.Params.ValueKind == System.Text.Json.JsonValueKind.Object
        && item.Params.TryGetProperty("model", out var m) && m.ValueKind == System.Text.Json.JsonValueKind.String
            ? m.GetString() : null;
}

public sealed record ModelCount(string Model, int Count);
