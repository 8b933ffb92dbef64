namespace BatchTui.Core.Requests;

/// <summary>
/// Model ids the API reference lists (api-domain.md §5, the newest seed's list). Any other string is still sent as typed: the list is for
/// picking and for a "did you mean" warning, not a gate.
/// </summary>
public static class KnownModels
{
    public static IReadOnlyList<string> Ids { get; } =
    [
        "claude-opus-4-8", "claude-opus-4-7", "claude-mythos-preview", "claude-opus-4-6", "claude-sonnet-4-6",
        "claude-haiku-4-5", "claude-haiku-4-5-20251001", "claude-opus-4-5", "claude-opus-4-5-20251101",
        "claude-sonnet-4-5", "claude-sonnet-4-5-20250929", "claude-opus-4-1", "claude-opus-4-1-20250805",
        "claude-opus-4-0", "claude-opus-4-20250514", "claude-sonnet-4-0", "claude-sonnet-4-20250514",
        "claude-3-haiku-20240307",
    ];

    public static bool IsKnown(string id) => Ids.Contains(id, StringComparer.Ordinal);
}
