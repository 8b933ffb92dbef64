namespace BatchTui.Core.Tests.Api;

/// <summary>Wire-format objects as the API documents them, for the scripted server.</summary>
internal static class SampleJson
{
    public static string Batch(string id, string status = "in_progress") => $$"""
        {"id":"{{id}}","type":"message_batch","processing_status":"{{status}}",
         "request_counts":{"processing":2,"succeeded":0,"errored":0,"canceled":0,"expired":0},
         "ended_at":null,"created_at":"2026-12-01T10:00:00Z","expires_at":"2026-12-02T10:00:00Z",
         "archived_at":null,"cancel_initiated_at":null,"results_url":null}
        """;

    public static string Page(params string[] ids) =>
        "{\"data\":[" + string.Join(",", ids.Select(i => Batch(i))) +
        $"],\"has_more\":true,\"first_id\":\"{ids.FirstOrDefault()}\",\"last_id\":\"{ids.LastOrDefault()}\"}}";

    public static string Error(string type, string message) =>
        $"{{\"type\":\"error\",\"error\":{{\"type\":\"{type}\",\"message\":\"{message}\"}}}}";
}
