using BatchTui.Core.Api;
using BatchTui.Core.Config;
using BatchTui.Core.Labels;
using BatchTui.Core.Results.Store;
using BatchTui.Core.State;
using System.Text;
using System.Text.Json;

namespace BatchTui.Cli;

/// <summary>
/// The CLI's side of local labels and notes: the store for the configured API origin (none in demo mode, whose
/// simulator is new every command), and the <c>"local"</c> key that <c>list</c> / <c>get</c> JSON carry:
/// <c>"local": {"label": …, "note": …, "updated_at": …}</c> after the API's own fields, left out when the batch has
/// neither a label nor a note (label or note alone: the other is null).
/// </summary>
internal static class CliLabels
{
    /// <summary>The store for <paramref name="options"/>' origin; null in demo mode.</summary>
    public static LabelStore? For(BatchTuiOptions options, Func<string, string?> var) =>
        options.UseSimulator ? null : LabelStore.Open(StateDirectory.Resolve(var), new CacheScope(options.BaseUrl));

    /// <summary>The API's object as sent (same fields, same order, numbers as sent), plus <c>local</c> when there is one.</summary>
    public static void WriteBatch(Utf8JsonWriter w, string raw, BatchNote? local)
    {
        using var doc = JsonDocument.Parse(raw);
        if (local is null || doc.RootElement.ValueKind != JsonValueKind.Object)
        {
            doc.RootElement.WriteTo(w);
            return;
        }
        w.WriteStartObject();
        foreach (JsonProperty p in doc.RootElement.EnumerateObject())
            if (p.Name != "local") p.WriteTo(w); // (the API has no such field; if it ever has, ours replaces it here)
        w.WritePropertyName("local");
        WriteLocal(w, local);
        w.WriteEndObject();
    }

    public static void WriteLocal(Utf8JsonWriter w, BatchNote local)
    {
        w.WriteStartObject();
        w.WriteString("label", local.Label);
        w.WriteString("note", local.Note);
        w.WriteString("updated_at", local.UpdatedAt);
        w.WriteEndObject();
    }

    /// <summary><see cref="BatchOutput.Json"/> with each batch's <c>local</c> key.</summary>
    public static string Json(IEnumerable<MessageBatch> batches, Func<string, BatchNote?> local, bool indented, bool array)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = indented }))
        {
            if (array) w.WriteStartArray();
            foreach (MessageBatch b in batches) WriteBatch(w, b.RawJson, local(b.Id));
            if (array) w.WriteEndArray();
        }
        return Encoding.UTF8.GetString(buffer.ToArray());
    }
}
