using BatchTui.Core.Results.Index;

namespace BatchTui.Core.Results.Query;

/// <summary>
/// Which rows to show. Every set criterion must hold (they combine with AND); null means "any".
/// <see cref="Text"/> is a full-text search over the raw line bytes (case-sensitive, as in <c>grep -F</c>).
/// </summary>
public sealed record ResultsFilter(
    IReadOnlySet<ResultKind>? Kinds = null,
    string? StopReason = null,
    string? ErrorType = null,
    string? CustomIdGlob = null,
    string? Text = null,
    IReadOnlyList<ResultsFacet>? Facets = null)
{
    public static ResultsFilter None { get; } = new();

    public bool IsEmpty => Kinds is null && StopReason is null && ErrorType is null && string.IsNullOrEmpty(CustomIdGlob) && string.IsNullOrEmpty(Text) && Facets is not { Count: > 0 };

    /// <summary>This filter narrowed by one more facet (one per name: a new model replaces the old one).</summary>
    public ResultsFilter WithFacet(ResultsFacet facet) =>
        this with { Facets = [.. (Facets ?? []).Where(f => f.Name != facet.Name), facet] };

    /// <summary>For the header: e.g. <c>type=errored error=overloaded_error id=eval-01* /"timeout"</c>.</summary>
    public string Describe()
    {
        var parts = new List<string>();
        if (Kinds is { Count: > 0 }) parts.Add("type=" + string.Join(",", Kinds.Order().Select(k => k.ToWire())));
        if (StopReason is not null) parts.Add("stop=" + StopReason);
        if (ErrorType is not null) parts.Add("error=" + ErrorType);
        if (!string.IsNullOrEmpty(CustomIdGlob)) parts.Add("id=" + CustomIdGlob);
        if (Facets is { Count: > 0 }) parts.AddRange(Facets.Select(f => f.Describe()));
        if (!string.IsNullOrEmpty(Text)) parts.Add($"/\"{Text}\"");
        return parts.Count == 0 ? "all" : string.Join(" ", parts);
    }
}
