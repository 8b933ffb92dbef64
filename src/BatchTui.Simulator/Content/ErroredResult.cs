using BatchTui.Simulator.Engine;
using System.Text.Json;

namespace BatchTui.Simulator.Content;

/// <summary>The ErrorResponse of an errored request: every documented error type, each with a message a user
/// would actually see.</summary>
internal static class ErroredResult
{
    public static readonly (string Type, string Message)[] Errors =
    [
        ("invalid_request_error", "messages.1.content.0.tool_result: tool_use_id 'toolu_01Xq' does not match any tool_use block in the previous assistant turn"),
        ("invalid_request_error", "max_tokens: 64000 > 32000, which is the maximum allowed number of output tokens for this model"),
        ("invalid_request_error", "prompt is too long: 212904 tokens > 200000 maximum"),
        ("authentication_error", "invalid x-api-key"),
        ("billing_error", "Your credit balance is too low to access the Anthropic API. Please go to Plans & Billing to upgrade or purchase credits."),
        ("permission_error", "Your organization does not have access to the requested model."),
        ("not_found_error", "model: claude-sonnet-3-9-20260101 was not found"),
        ("rate_limit_error", "This request would exceed the rate limit for your organization of 400,000 input tokens per minute."),
        ("timeout_error", "The request timed out while the model was generating a response."),
        ("api_error", "Internal server error"),
        ("overloaded_error", "Overloaded"),
    ];

    /// <param name="mess">The message also carries real-world mess (<see cref="Theme.Mess"/>): escape sequences,
    /// bidi overrides, emoji.</param>
    public static void Write(Utf8JsonWriter w, ref Rng rng, int index, bool mess = false)
    {
        // Walk the list by index first so even a small batch shows several types, then vary.
        var (type, message) = Errors[(index + rng.Int(3)) % Errors.Length];
        if (mess) message = $"{message} {MessText.Escapes[index % MessText.Escapes.Length]} {MessText.RightToLeft[3]} 💥";
        w.WriteStartObject();
        w.WriteString("type", "error");
        w.WriteStartObject("error");
        w.WriteString("type", type);
        w.WriteString("message", message);
        w.WriteEndObject();
        w.WriteString("request_id", rng.Id("req_011C", 20));
        w.WriteEndObject();
    }
}
