namespace BatchTui.Core.Api;

/// <summary>What the UI reads out of an error: the HTTP status, <c>retry-after</c>, and one line for the flash bar.</summary>
public static class ApiErrors
{
    public static int? StatusOf(Exception? e) => e is BatchApiException be ? be.Status : null;

    /// <summary>The server's <c>retry-after</c>, when the error carries one.</summary>
    public static TimeSpan? RetryAfterOf(Exception? e) => e is BatchApiException be ? be.RetryAfter : null;

    /// <summary>
    /// One line: <c>429 rate_limit_error: Too many requests · request-id req_01…</c>; for non-API errors the type
    /// and message.
    /// </summary>
    public static string Describe(Exception e) => e switch
    {
        BatchApiException be => $"{(be.Status is { } s ? s.ToString() : "no response")} {be.ErrorType}: {OneLine(be.ApiMessage)}" +
                                (be.RequestId is { } rid ? $" · request-id {rid}" : ""),
        OperationCanceledException => "canceled",
        _ => $"{e.GetType().Name}: {OneLine(e.Message)}",
    };

    private static string OneLine(string s) => s.ReplaceLineEndings(" ").Trim();
}
