using System.Text.Json.Serialization;

namespace BatchTui.Core.Labels;

/// <summary>One labels file: whose batches (origin without credentials, workspace) and the entries by batch id.</summary>
internal sealed record LabelFile
{
    public int Version { get; init; } = 1;
    public string? Origin { get; init; }
    public string? Workspace { get; init; }
    public Dictionary<string, BatchNote> Batches { get; init; } = new(StringComparer.Ordinal);
}

/// <summary>The labels file's format: snake_case, indented (it is meant to be readable), source-generated for AOT.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, WriteIndented = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(LabelFile))]
internal sealed partial class LabelJson : JsonSerializerContext;
