namespace BatchTui.Simulator.Http;

/// <summary>An API error answered with the documented envelope <c>{"type":"error","error":{type,message}}</c>.</summary>
internal sealed class ApiProblem(int status, string type, string message) : Exception(message)
{
    public int Status { get; } = status;
    public string Type { get; } = type;

    public static ApiProblem Invalid(string message) => new(400, "invalid_request_error", message);

    public static ApiProblem NotFound(string message) => new(404, "not_found_error", message);

    /// <summary>The error <c>type</c> the API uses for an HTTP status.</summary>
    public static string TypeFor(int status) => status switch
    {
        400 or 413 or 422 => "invalid_request_error",
        401 => "authentication_error",
        402 => "billing_error",
        403 => "permission_error",
        404 => "not_found_error",
        408 or 504 => "timeout_error",
        429 => "rate_limit_error",
        503 or 529 => "overloaded_error",
        _ => status >= 500 ? "api_error" : "invalid_request_error",
    };

    public static string MessageFor(int status) => status switch
    {
        401 => "invalid x-api-key",
        402 => "Your credit balance is too low to access the Anthropic API.",
        403 => "Your API key does not have permission to use the specified resource.",
        404 => "Not found",
        408 or 504 => "Request timed out.",
        429 => "Number of requests has exceeded your rate limit. Please try again later.",
        503 or 529 => "Overloaded",
        _ => status >= 500 ? "Internal server error" : "Invalid request",
    };
}
