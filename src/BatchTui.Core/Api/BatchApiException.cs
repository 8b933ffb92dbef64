namespace BatchTui.Core.Api;

/// <summary>
/// The one error type of the service layer: the HTTP status (null when no answer came: connection refused, dropped,
/// timed out), the API's <c>error.type</c>, its message, the <c>request-id</c> header and, when the server asked for
/// a pause, its <c>retry-after</c>. Not sealed only for <see cref="CreateUncertainException"/>.
/// </summary>
public class BatchApiException(int? status, string errorType, string apiMessage, string? requestId, Exception? inner = null)
    : Exception(Format(status, errorType, apiMessage, requestId), inner)
{
    public int? Status { get; } = status;
    public string ErrorType { get; } = errorType;
    public string ApiMessage { get; } = apiMessage;
    public string? RequestId { get; } = requestId;

    /// <summary>
    /// How long the server asked to wait (<c>retry-after-ms</c> or <c>retry-after</c>, seconds or an HTTP date) on the
    /// response that was given up on, after the client's own retries; null when it did not say.
    /// </summary>
    public TimeSpan? RetryAfter { get; init; }

    private static string Format(int? status, string type, string message, string? requestId) =>
        $"{(status is { } s ? s.ToString() : "no response")} {type}: {message}{(requestId is null ? "" : $" (request-id {requestId})")}";
}
