using System.Text.Json;

namespace BatchTui.Simulator.Tests;

internal static class ApiAssert
{
    /// <summary>The documented envelope, the status, a request-id header that matches the body's request_id.</summary>
    public static string Error(HttpResponseMessage response, JsonElement json, int status, string type,
        params string[] messageContains)
    {
        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("error", json.GetProperty("type").GetString());
        var error = json.GetProperty("error");
        Assert.Equal(type, error.GetProperty("type").GetString());
        string message = error.GetProperty("message").GetString()!;
        Assert.False(string.IsNullOrWhiteSpace(message));
        foreach (var part in messageContains) Assert.Contains(part, message);
        string requestId = RequestId(response);
        Assert.Equal(requestId, json.GetProperty("request_id").GetString());
        return message;
    }

    public static string RequestId(HttpResponseMessage response)
    {
        Assert.True(response.Headers.TryGetValues("request-id", out var values), "no request-id header");
        string id = Assert.Single(values);
        Assert.StartsWith("req_", id);
        return id;
    }

    public static string? Str(this JsonElement e, string name) =>
        e.GetProperty(name).ValueKind == JsonValueKind.Null ? null : e.GetProperty(name).GetString();

    public static int Count(this JsonElement batch, string name) =>
        batch.GetProperty("request_counts").GetProperty(name).GetInt32();

    public static int CountsSum(this JsonElement batch) =>
        batch.GetProperty("request_counts").EnumerateObject().Sum(p => p.Value.GetInt32());
}
