using BatchTui.Simulator.Engine;
using System.Text.Json;

namespace BatchTui.Simulator.Http;

/// <summary>A batch object written wrong as its <see cref="BatchQuirk"/> says (<c>simulate --hostile</c>): every
/// other field as <see cref="WireJson.WriteBatch"/> writes it, so only the quirk differs.</summary>
internal static class HostileWire
{
    public static void WriteBatch(Utf8JsonWriter w, BatchRecord b, in BatchView v, string? resultsUrl)
    {
        var q = b.Quirk;
        w.WriteStartObject();
        w.WriteString("id", b.Id);
        w.WriteString("type", "message_batch");
        w.WriteString("processing_status", q == BatchQuirk.UnknownStatus ? "paused_for_review" : WireJson.Status(v.Status));
        WriteCounts(w, q, v.Counts);

        bool omit = q == BatchQuirk.NoOptionalFields;
        switch (q)
        {
            case BatchQuirk.FarPast:
                w.WriteString("ended_at", "0001-01-01T00:10:00Z");
                w.WriteString("created_at", "0001-01-01T00:00:00Z");
                w.WriteString("expires_at", "0001-01-02T00:00:00Z");
                break;
            case BatchQuirk.FarFuture:
                w.WriteNull("ended_at");
                w.WriteString("created_at", "9999-12-31T23:59:59.999999Z");
                w.WriteString("expires_at", "10000-01-01T23:59:59.999999Z");
                break;
            default:
                if (!omit || v.EndedAt is not null) Optional(w, "ended_at", v.EndedAt, omit);
                if (q == BatchQuirk.CreatedAtIsNumber) w.WriteNumber("created_at", b.CreatedAt.ToUnixTimeSeconds());
                else WireJson.WriteTimestamp(w, "created_at", b.CreatedAt);
                WireJson.WriteTimestamp(w, "expires_at", b.ExpiresAt);
                break;
        }
        Optional(w, "archived_at", v.ArchivedAt, omit);
        Optional(w, "cancel_initiated_at", v.CancelInitiatedAt, omit);
        if (resultsUrl is not null) w.WriteString("results_url", resultsUrl);
        else if (!omit) w.WriteNull("results_url");
        w.WriteEndObject();
    }

    /// <summary>Null as usual; with <paramref name="omit"/>, a missing value leaves the field out entirely.</summary>
    private static void Optional(Utf8JsonWriter w, string name, DateTimeOffset? value, bool omit)
    {
        if (value is null && omit) return;
        WireJson.WriteTimestamp(w, name, value);
    }

    private static void WriteCounts(Utf8JsonWriter w, BatchQuirk q, RequestCounts c)
    {
        w.WriteStartObject("request_counts");
        switch (q)
        {
            case BatchQuirk.CountsAreStrings:
                w.WriteString("processing", c.Processing.ToString(System.Globalization.CultureInfo.InvariantCulture));
                w.WriteString("succeeded", c.Succeeded.ToString(System.Globalization.CultureInfo.InvariantCulture));
                w.WriteString("errored", c.Errored.ToString(System.Globalization.CultureInfo.InvariantCulture));
                w.WriteString("canceled", "none");
                w.WriteString("expired", "");
                break;
            case BatchQuirk.CountsOverflow:
                w.WriteNumber("processing", 0);
                w.WriteNumber("succeeded", long.MaxValue - 1);
                w.WriteNumber("errored", long.MaxValue / 2);
                w.WriteNumber("canceled", 3);
                w.WriteNumber("expired", 1);
                break;
            case BatchQuirk.NegativeCounts:
                w.WriteNumber("processing", -3);
                w.WriteNumber("succeeded", c.Succeeded);
                w.WriteNumber("errored", -1);
                w.WriteNumber("canceled", long.MinValue);
                w.WriteNumber("expired", 0);
                break;
            default:
                w.WriteNumber("processing", c.Processing);
                w.WriteNumber("succeeded", c.Succeeded);
                w.WriteNumber("errored", c.Errored);
                w.WriteNumber("canceled", c.Canceled);
                w.WriteNumber("expired", c.Expired);
                break;
        }
        w.WriteEndObject();
    }
}
