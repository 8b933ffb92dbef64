using System.Text.Json;
using System.Text.Json.Serialization;

namespace BatchTui.Core.Api;

/// <summary>
/// Source-generated JSON for the shapes the core reads and writes with <see cref="JsonSerializer"/>, so a native
/// AOT build (no reflection-based serialization) behaves exactly like the JIT one, error messages included.
/// </summary>
[JsonSerializable(typeof(JsonElement))]
[JsonSerializable(typeof(Dictionary<string, JsonElement>))]
[JsonSerializable(typeof(System.Text.Json.Nodes.JsonNode))]
internal sealed partial class CoreJson : JsonSerializerContext;
