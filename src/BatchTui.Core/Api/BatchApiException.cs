namespace BatchTui.Core.Api;

/// <summary>
/// The one error type of the service layer: the HTTP status (null when no answer came: connection refused, dropped,
/// timed out), the API's <c>error.type</c>, its message and the <c>request-id</c> header.
/// </summary>
public sealed class BatchApiException(int? status, string errorType, string apiMessage, string? requestId, Exception? inner = null)
    : Exception(Format(status, errorType, apiMessage, requestId), inner)
{
    public int? Status { get; } = status;
    public string ErrorType { get; } = errorType;
    public string ApiMessage { get; } = apiMessage;
    public string? RequestId { get; } = requestId;

    private static string Format(int? status, string type, string message, string? requestId) =>
        $"{(status is { } s ? s.ToString() : "no response")} {type}: {message}{(requestId is null ? "" : $" (request-id {requestId})")}";
}
