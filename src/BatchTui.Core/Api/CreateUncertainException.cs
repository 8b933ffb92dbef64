namespace BatchTui.Core.Api;

/// <summary>
/// A create failed after the request may have reached the server, so the batch may exist; it was not sent again.
/// Carries the original failure's status, type and request-id, and the <see cref="Check"/> for a likely match.
/// The message says both: "500 api_error: … ; the batch may have been created: msgbatch_… was created 2 s ago …".
/// </summary>
public sealed class CreateUncertainException(BatchApiException failure, CreateCheck check)
    : BatchApiException(failure.Status, failure.ErrorType, failure.ApiMessage, failure.RequestId, failure)
{
    public BatchApiException Failure { get; } = failure;
    public CreateCheck Check { get; } = check;

    public override string Message => $"{Failure.Message}; {Check.Summary}";
}
