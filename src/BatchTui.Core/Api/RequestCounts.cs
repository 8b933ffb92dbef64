namespace BatchTui.Core.Api;

/// <summary>A batch's <c>request_counts</c>. The five always sum to the number of requests.</summary>
public sealed record RequestCounts(long Processing, long Succeeded, long Errored, long Canceled, long Expired)
{
    public long Total => Processing + Succeeded + Errored + Canceled + Expired;
}
