using BatchTui.Core.Api;
using System.Buffers;
using System.Text;
using System.Text.Json;

namespace BatchTui.Core.Requests;

/// <summary>Writes requests as compact JSON: one per line (JSONL) or as the create body, and measures the body.</summary>
public static class RequestsJson
{
    public static void WriteItem(Utf8JsonWriter w, BatchRequestItem item)
    {
        w.WriteStartObject();
        w.WriteString("custom_id", item.CustomId);
        w.WritePropertyName("params");
        item.Params.WriteTo(w);
        w.WriteEndObject();
    }

    /// <summary>One request per line, each line ending in a newline.</summary>
    public static async Task WriteJsonlAsync(Stream to, IEnumerable<BatchRequestItem> items, CancellationToken ct = default)
    {
        byte[] newline = [(byte)'\n'];
        await using var w = new Utf8JsonWriter(to);
        foreach (BatchRequestItem item in items)
        {
            ct.ThrowIfCancellationRequested();
            WriteItem(w, item);
            await w.FlushAsync(ct);
            w.Reset(to);
            await to.WriteAsync(newline, ct);
        }
    }

    public static string ToJsonl(IEnumerable<BatchRequestItem> items)
    {
        var sb = new StringBuilder();
        using var buffer = new MemoryStream();
        foreach (BatchRequestItem item in items)
        {
            buffer.SetLength(0);
            using (var w = new Utf8JsonWriter(buffer)) WriteItem(w, item);
            sb.Append(Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length)).Append('\n');
        }
        return sb.ToString();
    }

    /// <summary>One request as a JSON element, exactly as it is sent.</summary>
    public static JsonElement ToElement(BatchRequestItem item) => Written(w => WriteItem(w, item));

    /// <summary>The requests as one JSON array, the create body's <c>requests</c>.</summary>
    public static JsonElement ToArrayElement(IEnumerable<BatchRequestItem> items) => Written(w =>
    {
        w.WriteStartArray();
        foreach (BatchRequestItem item in items) WriteItem(w, item);
        w.WriteEndArray();
    });

    private static JsonElement Written(Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var w = new Utf8JsonWriter(buffer)) write(w);
        using JsonDocument doc = JsonDocument.Parse(buffer.WrittenMemory);
        return doc.RootElement.Clone();
    }

    public static void WriteBody(Utf8JsonWriter w, IEnumerable<BatchRequestItem> items)
    {
        w.WriteStartObject();
        w.WriteStartArray("requests");
        foreach (BatchRequestItem item in items) WriteItem(w, item);
        w.WriteEndArray();
        w.WriteEndObject();
    }

    /// <summary>Bytes of the compact create body, measured without keeping it.</summary>
    public static long MeasureBody(IEnumerable<BatchRequestItem> items)
    {
        using var w = new Utf8JsonWriter(Stream.Null);
        WriteBody(w, items);
        w.Flush();
        return w.BytesCommitted;
    }
}
