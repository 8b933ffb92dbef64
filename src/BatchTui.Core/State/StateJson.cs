using System.Text.Json;
using System.Text.Json.Serialization;

namespace BatchTui.Core.State;

/// <summary>
/// The on-disk format of drafts and journal side files: snake_case names, enums as snake_case strings, indented.
/// Source-generated, so native AOT builds read and write the same files.
/// </summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, WriteIndented = true,
    Converters = [typeof(SnakeCaseEnum<EditorMode>)])]
[JsonSerializable(typeof(Draft))]
[JsonSerializable(typeof(JournalMeta))]
[JsonSerializable(typeof(UncertainCreate))]
internal sealed partial class StateJson : JsonSerializerContext;

/// <summary>An enum as its snake_case name ("form", "raw"), the format drafts have always had on disk.</summary>
internal sealed class SnakeCaseEnum<T>() : JsonStringEnumConverter<T>(JsonNamingPolicy.SnakeCaseLower) where T : struct, Enum;
