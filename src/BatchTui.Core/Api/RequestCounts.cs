using System.Text.Json.Serialization;

namespace BatchTui.Core.Api;

/// <summary>
/// A batch's <c>request_counts</c>. The five sum to the number of requests, but they come from a server: sums
/// saturate at <see cref="long.MaxValue"/> instead of overflowing, and a negative count (which no batch has) counts
/// as nothing in them.
/// </summary>
public sealed record RequestCounts(long Processing, long Succeeded, long Errored, long Canceled, long Expired)
{
    /// <summary>Every request: the five counts added, saturating.</summary>
    [JsonIgnore]
    public long Total => SaturatingSum(Processing, Succeeded, Errored, Canceled, Expired);

    /// <summary>Requests that have a result (all but processing), saturating.</summary>
    [JsonIgnore]
    public long Results => SaturatingSum(Succeeded, Errored, Canceled, Expired);

    /// <summary>The name of the first negative count, or null when none is (a server's mistake, said as such).</summary>
    [JsonIgnore]
    public string? NegativeField =>
        Processing < 0 ? "processing" : Succeeded < 0 ? "succeeded" : Errored < 0 ? "errored"
        : Canceled < 0 ? "canceled" : Expired < 0 ? "expired" : null;

    /// <summary>Adds counts, clamping each below at 0 and the sum at <see cref="long.MaxValue"/>.</summary>
    public static long SaturatingSum(params ReadOnlySpan<long> values)
    {
        long sum = 0;
        foreach (long v in values)
        {
            if (v <= 0) continue;
            sum = sum > long.MaxValue - v ? long.MaxValue : sum + v;
        }
        return sum;
    }
}
