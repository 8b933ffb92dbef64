using Anthropic.Exceptions;
using System.Text.Json;

namespace BatchTui.Core.Api;

/// <summary>Turns whatever the SDK or the socket threw into the one <see cref="BatchApiException"/>.</summary>
internal static class ErrorMapper
{
    /// <param name="retryAfter">The final response's <c>retry-after</c> (see <see cref="LastResponse"/>), for HTTP errors.</param>
    public static BatchApiException Map(Exception e, ApiKey? key, TimeSpan? retryAfter = null) => Scrub(e switch
    {
        BatchApiException b => b,
        AnthropicApiException api => FromResponse((int)api.StatusCode, api.ResponseBody, api.RequestID, api, retryAfter),
        AnthropicIOException io => new BatchApiException(null, "connection_error",
            io.InnerException is HttpRequestException h ? RetryHandler.ConnectionProblem(h) : io.Message, null, io),
        HttpRequestException h => new BatchApiException(null, "connection_error", RetryHandler.ConnectionProblem(h), null, h),
        IOException io => new BatchApiException(null, "connection_error", $"connection lost: {io.Message}", null, io),
        JsonException or AnthropicInvalidDataException or KeyNotFoundException or InvalidOperationException
            => new BatchApiException(null, "invalid_response", $"the API answered with data the client cannot read: {e.Message}", null, e),
        // The SDK's own timeout surfaces as a cancellation the caller did not ask for.
        OperationCanceledException => new BatchApiException(null, "timeout", "the request timed out", null, e),
        _ => new BatchApiException(null, "client_error", e.Message, null, e),
    }, key);

    /// <summary>
    /// An HTTP error: the API's envelope <c>{"type":"error","error":{"type","message"},"request_id"}</c> when the body
    /// is one, else a type derived from the status and the start of whatever body came (a proxy's HTML page, say).
    /// </summary>
    public static BatchApiException FromResponse(int status, string? body, string? requestIdHeader, Exception? inner,
        TimeSpan? retryAfter = null)
    {
        string? type = null, message = null, bodyRequestId = null;
        try
        {
            using var doc = JsonDocument.Parse(string.IsNullOrWhiteSpace(body) ? "null" : body);
            if (doc.RootElement.ValueKind == JsonValueKind.Object)
            {
                if (doc.RootElement.TryGetProperty("error", out var err) && err.ValueKind == JsonValueKind.Object)
                {
                    type = Str(err, "type");
                    message = Str(err, "message");
                }
                bodyRequestId = Str(doc.RootElement, "request_id");
            }
        }
        catch (JsonException) { }

        message ??= string.IsNullOrWhiteSpace(body) ? $"HTTP {status} with an empty body" : Snippet(body);
        return new BatchApiException(status, type ?? TypeForStatus(status), message,
            string.IsNullOrEmpty(requestIdHeader) ? bodyRequestId : requestIdHeader, inner)
        { RetryAfter = retryAfter };
    }

    public static string TypeForStatus(int status) => status switch
    {
        400 => "invalid_request_error",
        401 => "authentication_error",
        402 => "billing_error",
        403 => "permission_error",
        404 => "not_found_error",
        413 => "request_too_large",
        429 => "rate_limit_error",
        504 => "timeout_error",
        529 => "overloaded_error",
        _ => "api_error",
    };

    private static string? Str(JsonElement obj, string name) =>
        obj.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static string Snippet(string body)
    {
        string oneLine = string.Join(' ', body.Split((char[])['\r', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries)).Trim();
        return oneLine.Length <= 200 ? oneLine : oneLine[..200] + "…";
    }

    // A server could echo the key back in a message; it must never reach a screen or a log from here.
    private static BatchApiException Scrub(BatchApiException e, ApiKey? key) =>
        key is null || !e.Message.Contains(key.Reveal(), StringComparison.Ordinal)
            ? e
            : new BatchApiException(e.Status, e.ErrorType, key.Scrub(e.ApiMessage), e.RequestId, null) { RetryAfter = e.RetryAfter };
}
