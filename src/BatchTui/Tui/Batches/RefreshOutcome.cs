namespace BatchTui.Tui.Batches;

/// <summary>What a refresh found: how many batches it re-fetched, how many were new and how many were gone.</summary>
public sealed record RefreshOutcome(int Updated, int New, int Removed, bool Applied)
{
    public static RefreshOutcome Nothing { get; } = new(0, 0, 0, false);
}
