using System.Text.Json;

namespace BatchTui.Core.Api;

/// <summary>
/// One item of a list page, read on its own: a field of the wrong type, a missing field or a negative count fails
/// that item only. It becomes a <see cref="MessageBatch"/> marked <see cref="MessageBatch.Malformed"/> with what can
/// be read of it (id, status, created_at, its raw JSON) and the reason, and the rest of the page is read as usual.
/// </summary>
internal static class TolerantBatch
{
    private const int MaxReason = 200;

    public static MessageBatch Map(JsonElement item, Func<JsonElement, MessageBatch> strict)
    {
        MessageBatch batch;
        try
        {
            batch = strict(item);
        }
        catch (Exception e) when (e is not (OutOfMemoryException or OperationCanceledException))
        {
            return Malformed(item, Reason(e));
        }
        return CheckValues(batch);
    }

    /// <summary>A batch the SDK could read whose values no batch has (a negative count): marked malformed.</summary>
    public static MessageBatch CheckValues(MessageBatch batch) =>
        batch.Counts.NegativeField is { } f && batch.Malformed is null ? batch with { Malformed = $"request_counts.{f} is negative" } : batch;

    private static MessageBatch Malformed(JsonElement item, string reason)
    {
        string id = Str(item, "id") ?? "";
        BatchStatus status = BatchStatusText.Parse(Str(item, "processing_status"));
        DateTimeOffset created = Date(item, "created_at") ?? DateTimeOffset.UnixEpoch;
        return new MessageBatch(id, status, new RequestCounts(0, 0, 0, 0, 0), created, Date(item, "expires_at") ?? created,
            Date(item, "ended_at"), Date(item, "cancel_initiated_at"), Date(item, "archived_at"), null, item.GetRawText())
        {
            Malformed = reason,
        };
    }

    private static string Reason(Exception e)
    {
        string m = string.Join(' ', e.Message.Split((char[])['\r', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries)).Trim();
        return m.Length <= MaxReason ? m : m[..MaxReason] + "…";
    }

    private static string? Str(JsonElement obj, string name) =>
        obj.ValueKind == JsonValueKind.Object && obj.TryGetProperty(name, out JsonElement v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static DateTimeOffset? Date(JsonElement obj, string name) =>
        obj.ValueKind == JsonValueKind.Object && obj.TryGetProperty(name, out JsonElement v) && v.ValueKind == JsonValueKind.String
            && v.TryGetDateTimeOffset(out DateTimeOffset d) ? d : null;
}
