using BatchTui.Core.Results.Index;
using System.Text.Json;

namespace BatchTui.Core.State;

/// <summary>
/// The custom_ids of a batch's results that did not succeed (errored, expired, canceled), read from results lines
/// with a forward-only reader: no message is materialised, so 100,000 lines cost little.
/// </summary>
public static class FailedResults
{
    public static readonly IReadOnlySet<string> RetryableTypes = new HashSet<string>(StringComparer.Ordinal) { "errored", "expired", "canceled" };

    public static async Task<IReadOnlyList<string>> CollectAsync(IAsyncEnumerable<ReadOnlyMemory<byte>> lines, CancellationToken ct = default)
    {
        var ids = new List<string>();
        await foreach (ReadOnlyMemory<byte> line in lines.WithCancellation(ct))
            if (TryRead(line.Span, out string? id, out string? type) && type is not null && RetryableTypes.Contains(type)) ids.Add(id!);
        return ids;
    }

    /// <summary>The same from an index already built (the results browser): errored, expired or canceled rows with a
    /// custom_id, in file order. The caller waits for the index to be complete, else later lines are missing.</summary>
    public static IReadOnlyList<string> InIndex(ResultsIndex index)
    {
        var ids = new List<string>();
        for (int row = 0; row < index.Count; row++)
        {
            ResultEntry e = index[row];
            if (e.Kind is (ResultKind.Errored or ResultKind.Expired or ResultKind.Canceled) && e.CustomId.Length > 0) ids.Add(e.CustomId);
        }
        return ids;
    }

    /// <summary>custom_id and result.type of one line; false for a line that is not a result (it is skipped).</summary>
    public static bool TryRead(ReadOnlySpan<byte> line, out string? customId, out string? resultType)
    {
        customId = null;
        resultType = null;
        try
        {
            var r = new Utf8JsonReader(line);
            if (!r.Read() || r.TokenType != JsonTokenType.StartObject) return false;
            while (r.Read() && r.TokenType == JsonTokenType.PropertyName)
            {
                if (r.ValueTextEquals("custom_id"u8)) { r.Read(); customId = r.TokenType == JsonTokenType.String ? r.GetString() : null; }
                else if (r.ValueTextEquals("result"u8))
                {
                    r.Read();
                    if (r.TokenType != JsonTokenType.StartObject) { r.Skip(); continue; }
                    while (r.Read() && r.TokenType == JsonTokenType.PropertyName)
                    {
                        if (r.ValueTextEquals("type"u8)) { r.Read(); resultType = r.TokenType == JsonTokenType.String ? r.GetString() : null; }
                        else { r.Read(); r.Skip(); }
                    }
                }
                else { r.Read(); r.Skip(); }
            }
            return customId is not null;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
