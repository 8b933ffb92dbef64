using BatchTui.Simulator.Engine;
using Microsoft.AspNetCore.Http;
using System.Buffers;
using System.Globalization;
using System.Text.Json;

namespace BatchTui.Simulator.Http;

/// <summary>The wire format of batches, pages and errors, written by hand so every null field is explicit.</summary>
internal static class WireJson
{
    // UTF-8 text as the API writes it: no \u escapes for ` + non-ASCII letters or emoji (MinimalJsonEncoder).
    public static readonly JsonWriterOptions Options = new()
    {
        Indented = false,
        SkipValidation = true,
        Encoder = MinimalJsonEncoder.Instance,
    };

    public static string Timestamp(DateTimeOffset t) =>
        t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture);

    public static void WriteTimestamp(Utf8JsonWriter w, string name, DateTimeOffset? t)
    {
        if (t is { } v) w.WriteString(name, Timestamp(v));
        else w.WriteNull(name);
    }

    public static string Status(ProcessingStatus s) => s switch
    {
        ProcessingStatus.InProgress => "in_progress",
        ProcessingStatus.Canceling => "canceling",
        _ => "ended",
    };

    public static void WriteBatch(Utf8JsonWriter w, BatchRecord b, in BatchView v, string baseUrl)
    {
        // The id is escaped in the URL: a hostile server's ids (simulate --hostile) hold '/', ESC, NUL, ...
        string? resultsUrl = v.IsEnded ? $"{baseUrl}/v1/messages/batches/{Uri.EscapeDataString(b.Id)}/results" : null;
        if (b.Quirk != BatchQuirk.None)
        {
            HostileWire.WriteBatch(w, b, v, resultsUrl);
            return;
        }
        w.WriteStartObject();
        w.WriteString("id", b.Id);
        w.WriteString("type", "message_batch");
        w.WriteString("processing_status", Status(v.Status));
        w.WriteStartObject("request_counts");
        w.WriteNumber("processing", v.Counts.Processing);
        w.WriteNumber("succeeded", v.Counts.Succeeded);
        w.WriteNumber("errored", v.Counts.Errored);
        w.WriteNumber("canceled", v.Counts.Canceled);
        w.WriteNumber("expired", v.Counts.Expired);
        w.WriteEndObject();
        WriteTimestamp(w, "ended_at", v.EndedAt);
        WriteTimestamp(w, "created_at", b.CreatedAt);
        WriteTimestamp(w, "expires_at", b.ExpiresAt);
        WriteTimestamp(w, "archived_at", v.ArchivedAt);
        WriteTimestamp(w, "cancel_initiated_at", v.CancelInitiatedAt);
        if (resultsUrl is not null) w.WriteString("results_url", resultsUrl);
        else w.WriteNull("results_url");
        w.WriteEndObject();
    }

    public static void WriteErrorBody(Utf8JsonWriter w, string type, string message, string? requestId)
    {
        w.WriteStartObject();
        w.WriteString("type", "error");
        w.WriteStartObject("error");
        w.WriteString("type", type);
        w.WriteString("message", message);
        w.WriteEndObject();
        if (requestId is null) w.WriteNull("request_id");
        else w.WriteString("request_id", requestId);
        w.WriteEndObject();
    }

    /// <summary>Writes one JSON document as the whole response body.</summary>
    public static async Task RespondAsync(HttpContext ctx, int status, Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>(1024);
        using (var w = new Utf8JsonWriter(buffer, Options)) write(w);
        ctx.Response.StatusCode = status;
        ctx.Response.ContentType = "application/json";
        ctx.Response.ContentLength = buffer.WrittenCount;
        await ctx.Response.Body.WriteAsync(buffer.WrittenMemory, ctx.RequestAborted);
    }

    public static Task RespondErrorAsync(HttpContext ctx, int status, string type, string message) =>
        RespondAsync(ctx, status, w => WriteErrorBody(w, type, message, RequestId.Of(ctx)));
}
