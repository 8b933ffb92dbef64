using BatchTui.Core.Config;
using BatchTui.Core.Results.Stats;
using System.Text.Json;

namespace BatchTui.Cli;

/// <summary>
/// <c>stats --format json</c>: one object with the same figures as the table. Strings from the file are JSON-escaped
/// by the writer (control characters included), never interpreted.
/// </summary>
internal static class StatsJson
{
    public static void Write(Stream output, string source, ResultsStats stats)
    {
        using var w = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = true });
        IndexStats ix = stats.Index;
        w.WriteStartObject();
        w.WriteString("source", source);
        w.WriteNumber("results", ix.Results);
        w.WriteStartObject("tables");
        foreach (FrequencyTable t in stats.Tables)
        {
            w.WriteStartObject(t.Name);
            w.WriteNumber("of", t.Of);
            w.WriteStartArray("rows");
            foreach (FrequencyRow r in t.Rows)
            {
                w.WriteStartObject();
                w.WriteString("value", r.Value);
                w.WriteNumber("count", r.Count);
                w.WriteNumber("percent", Math.Round(r.Percent, 2));
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteNumber("more", t.More);
            w.WriteEndObject();
        }
        w.WriteEndObject();
        w.WriteStartObject("histograms");
        foreach (Histogram h in stats.Histograms)
        {
            w.WriteStartObject(h.Name);
            w.WriteNumber("of", h.Of);
            w.WriteStartArray("buckets");
            foreach (HistogramBucket b in h.Buckets)
            {
                w.WriteStartObject();
                w.WriteString("label", b.Label);
                w.WriteNumber("from", b.From);
                w.WriteNumber("to", b.To);
                w.WriteNumber("count", b.Count);
                w.WriteNumber("percent", Math.Round(b.Percent, 2));
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }
        w.WriteEndObject();
        w.WriteStartObject("tokens");
        w.WriteNumber("input", ix.Tokens.Input);
        w.WriteNumber("output", ix.Tokens.Output);
        w.WriteNumber("cache_write", ix.Tokens.CacheWrite);
        w.WriteNumber("cache_read", ix.Tokens.CacheRead);
        w.WriteEndObject();
        w.WriteStartObject("cost");
        w.WriteString("currency", "USD");
        w.WriteNumber("batch_discount", PriceTable.BatchDiscount);
        w.WriteNumber("total", ix.Cost.Total);
        w.WriteBoolean("complete", ix.Cost.Complete);
        w.WriteStartArray("models");
        foreach (ModelCost m in ix.Cost.Models)
        {
            w.WriteStartObject();
            w.WriteString("model", m.Model);
            w.WriteNumber("results", m.Results);
            w.WriteNumber("input_tokens", m.Input);
            w.WriteNumber("output_tokens", m.Output);
            w.WriteNumber("cache_write_tokens", m.CacheWrite);
            w.WriteNumber("cache_read_tokens", m.CacheRead);
            if (m.Cost is { } usd) w.WriteNumber("cost", usd); else w.WriteNull("cost");
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
        w.WriteEndObject();
        w.Flush();
        output.WriteByte((byte)'\n');
        output.Flush();
    }
}
