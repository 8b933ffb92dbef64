using System.Text.Json.Serialization;

namespace BatchTui.Core.Labels;

/// <summary>
/// What the user keeps about one batch, locally (the Batches API has no metadata field): a short one-line
/// <see cref="Label"/> and a free <see cref="Note"/>. Either may be null; an entry with neither is not stored.
/// </summary>
public sealed record BatchNote(string? Label, string? Note, DateTimeOffset UpdatedAt)
{
    [JsonIgnore]
    public bool IsEmpty => Label is null && Note is null;
}
