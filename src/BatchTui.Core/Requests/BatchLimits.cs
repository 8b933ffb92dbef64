namespace BatchTui.Core.Requests;

/// <summary>The API's per-batch limits. Injectable so tests need not build a 256 MB body.</summary>
public sealed record BatchLimits(int MaxRequests = 100_000, long MaxBodyBytes = 256L * 1024 * 1024)
{
    public static BatchLimits Api { get; } = new();
}
