using Anthropic;
using Anthropic.Core;
using System.Text.Json;

namespace BatchTui.Core.Api;

/// <summary>
/// The six batch endpoints of one SDK namespace, each returning the SDK's raw response (so the exact JSON can be
/// kept for the raw view, and the results body read as bytes), plus that namespace's model mapping.
/// </summary>
internal interface ISdkEndpoints
{
    Task<HttpResponse> List(PageRequest page, CancellationToken ct);
    Task<HttpResponse> Retrieve(string id, CancellationToken ct);
    Task<HttpResponse> Create(IReadOnlyDictionary<string, JsonElement> body, CancellationToken ct);
    Task<HttpResponse> Cancel(string id, CancellationToken ct);
    Task<HttpResponse> Delete(string id, CancellationToken ct);
    Task<HttpResponse> Results(string id, CancellationToken ct);

    MessageBatch ToBatch(JsonElement batch);
    BatchPage ToPage(JsonElement page);
    string DeletedId(JsonElement deleted);
}

internal static class SdkEndpoints
{
    public static ISdkEndpoints For(AnthropicClient client, IReadOnlyList<string> betas) =>
        betas.Count == 0 ? new StandardEndpoints(client) : new BetaEndpoints(client, betas);

    public static Dictionary<string, JsonElement> Fields(JsonElement obj) =>
        obj.ValueKind == JsonValueKind.Object
            ? obj.Deserialize(CoreJson.Default.DictionaryStringJsonElement)!
            : throw new JsonException($"expected a JSON object, got {obj.ValueKind.ToString().ToLowerInvariant()}");

    public static readonly IReadOnlyDictionary<string, JsonElement> Empty = new Dictionary<string, JsonElement>();
}
