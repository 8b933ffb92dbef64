using BatchTui.Core.Api;

namespace BatchTui.Core.Tests.Api;

/// <summary>The rules for what may be done to a batch, and the words the UI shows for an error: plain Core, no terminal.</summary>
public class BatchActionRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 2, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Actions_that_cannot_succeed_say_why()
    {
        MessageBatch running = Batch(BatchStatus.InProgress), ended = Batch(BatchStatus.Ended) with { EndedAt = Now },
            archived = ended with { ArchivedAt = Now };
        Assert.Null(BatchActionRules.WhyNotCancel(running));
        Assert.Equal("msgbatch_x has ended: only a batch in progress can be canceled", BatchActionRules.WhyNotCancel(ended));
        Assert.Equal("msgbatch_x is already canceling", BatchActionRules.WhyNotCancel(Batch(BatchStatus.Canceling)));
        Assert.Null(BatchActionRules.WhyNotDelete(ended));
        Assert.Equal("only an ended batch can be deleted: msgbatch_x is in progress (cancel it first: c)", BatchActionRules.WhyNotDelete(running));
        Assert.Null(BatchActionRules.WhyNoResults(ended));
        Assert.Equal("results of msgbatch_x were archived and are no longer available", BatchActionRules.WhyNoResults(archived));
        Assert.Equal("results of msgbatch_x are available once it has ended (3 still processing)", BatchActionRules.WhyNoResults(running));
    }

    [Fact]
    public void A_canceling_batch_can_be_neither_canceled_again_nor_deleted_yet()
    {
        MessageBatch canceling = Batch(BatchStatus.Canceling);
        Assert.Equal("msgbatch_x is still canceling: it can be deleted once it has ended", BatchActionRules.WhyNotDelete(canceling));
        Assert.Equal("results of msgbatch_x are available once it has ended (3 still processing)", BatchActionRules.WhyNoResults(canceling));
    }

    [Fact]
    public void An_error_reads_as_one_line_with_status_type_and_request_id()
    {
        var limited = new BatchApiException(429, "rate_limit_error", "Too many\r\nrequests ", "req_01ABC") { RetryAfter = TimeSpan.FromSeconds(30) };
        Assert.Equal("429 rate_limit_error: Too many requests · request-id req_01ABC", ApiErrors.Describe(limited));
        Assert.Equal(429, ApiErrors.StatusOf(limited));
        Assert.Equal(TimeSpan.FromSeconds(30), ApiErrors.RetryAfterOf(limited));

        Assert.Equal("no response connection_error: refused", ApiErrors.Describe(new BatchApiException(null, "connection_error", "refused", null)));
        Assert.Equal("canceled", ApiErrors.Describe(new OperationCanceledException()));
        Assert.Equal("IOException: disk\nfull".Replace("\n", " "), ApiErrors.Describe(new IOException("disk\nfull")));
        Assert.Null(ApiErrors.StatusOf(new IOException("x")));
        Assert.Null(ApiErrors.RetryAfterOf(null));
    }

    private static MessageBatch Batch(BatchStatus s) =>
        new("msgbatch_x", s, new RequestCounts(3, 0, 0, 0, 0), Now.AddHours(-1), Now.AddHours(23), null, null, null, null, "{}");
}
