using System.Text.Json;

namespace BatchTui.Core.Api;

/// <summary>One request of a new batch: a <c>custom_id</c> and the Messages API params as JSON.</summary>
public sealed record BatchRequestItem(string CustomId, JsonElement Params);

/// <summary>The body of a create call.</summary>
public sealed record BatchCreateRequest(IReadOnlyList<BatchRequestItem> Requests);
