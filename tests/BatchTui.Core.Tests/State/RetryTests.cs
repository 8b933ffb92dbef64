using BatchTui.Core.Api;
using BatchTui.Core.Requests;
using BatchTui.Core.State;
using Microsoft.Extensions.Time.Testing;
using System.Text;
using System.Text.Json;

namespace BatchTui.Core.Tests.State;

public class RetryTests
{
    private static readonly FakeTimeProvider Time = new(new DateTimeOffset(2026, 12, 2, 8, 0, 0, TimeSpan.Zero));

    private static IReadOnlyList<BatchRequestItem> Requests(int n) =>
        TemplateExpander.Expand(new RequestTemplate { Model = "claude-haiku-4-5", UserMessage = "Q{input}" },
            Enumerable.Range(1, n).Select(i => i.ToString()).ToList()).Items;

    [Fact]
    public async Task Journal_keeps_requests_exactly_and_is_itself_a_valid_requests_file()
    {
        using var dir = new TempDir();
        var journal = new SubmissionJournal(dir["journal"], Time);
        var items = Requests(3);
        await journal.RecordAsync("msgbatch_01ABC", items, new Uri("https://user:secret@api.example.com/"), "/data/in.jsonl");

        JournalEntry entry = (await journal.TryLoadAsync("msgbatch_01ABC"))!;
        Assert.Equal(items.Select(i => (i.CustomId, i.Params.GetRawText())), entry.Requests.Select(i => (i.CustomId, i.Params.GetRawText())));
        Assert.Equal(Time.GetUtcNow(), entry.SubmittedAt);
        Assert.Equal("https://api.example.com/", entry.BaseUrl);
        Assert.Equal("/data/in.jsonl", entry.SourceFile);
        Assert.DoesNotContain("secret", dir.AllText());
        Assert.True((await CheckedRequests.CheckFileAsync(journal.RequestsPath("msgbatch_01ABC"))).CanSubmit);
        Assert.Null(await journal.TryLoadAsync("msgbatch_other"));
    }

    [Fact]
    public async Task Retry_takes_exactly_the_failed_requests_with_the_same_params()
    {
        using var dir = new TempDir();
        var journal = new SubmissionJournal(dir["journal"], Time);
        var items = Requests(5);
        await journal.RecordAsync("msgbatch_1", items, new Uri("http://127.0.0.1:1/"));
        var planner = new RetryPlanner(journal);

        RetryPlan same = await planner.PlanAsync("msgbatch_1", ["row-4", "row-2"], RetryIdMode.SameIds);
        Assert.True(same.Ok);
        Assert.Equal(["row-2", "row-4"], same.Requests.Select(r => r.CustomId));
        Assert.Equal(items[1].Params.GetRawText(), same.Requests[0].Params.GetRawText());
        Assert.Equal("2 failed requests of msgbatch_1 ready to retry (from the journal)", same.Summary);

        RetryPlan renamed = await planner.PlanAsync("msgbatch_1", ["row-4", "row-2"], RetryIdMode.RetrySuffix);
        Assert.Equal(["row-2-retry1", "row-4-retry1"], renamed.Requests.Select(r => r.CustomId));
        Assert.True(CheckedRequests.Check(renamed.Requests).CanSubmit);
    }

    [Fact]
    public async Task A_batch_not_in_the_journal_is_explained_and_the_original_file_can_be_given()
    {
        using var dir = new TempDir();
        var journal = new SubmissionJournal(dir["journal"], Time);
        var planner = new RetryPlanner(journal);
        RetryPlan unknown = await planner.PlanAsync("msgbatch_elsewhere", ["row-1"], RetryIdMode.SameIds);
        Assert.False(unknown.Ok);
        Assert.Equal($"batch msgbatch_elsewhere was not submitted by batchtui on this machine, so its requests are not known locally (the journal in {dir["journal"]} has no entry for it): point at the original requests file to retry its failed requests",
            unknown.Problem);

        File.WriteAllText(dir["orig.jsonl"], RequestsJson.ToJsonl(Requests(3)));
        RetryPlan fromFile = await planner.PlanAsync("msgbatch_elsewhere", ["row-3", "row-9"], RetryIdMode.SameIds, dir["orig.jsonl"]);
        Assert.True(fromFile.Ok);
        Assert.Equal(["row-3"], fromFile.Requests.Select(r => r.CustomId));
        Assert.Equal(["row-9"], fromFile.Missing);
        Assert.Equal($"1 failed requests of msgbatch_elsewhere ready to retry (from {dir["orig.jsonl"]}); 1 not found there: row-9", fromFile.Summary);

        File.WriteAllText(dir["bad.jsonl"], "{oops");
        Assert.Equal($"{dir["bad.jsonl"]}: 1:2: 'o' is an invalid start of a property name. Expected a '\"'.",
            (await planner.PlanAsync("msgbatch_elsewhere", ["row-3"], RetryIdMode.SameIds, dir["bad.jsonl"])).Problem);
        Assert.Equal("batch msgbatch_1 has no errored, expired or canceled requests: nothing to retry",
            (await planner.PlanAsync("msgbatch_1", [], RetryIdMode.SameIds)).Problem);
    }

    [Theory]
    [InlineData("row-7", "row-7-retry1")]
    [InlineData("row-7-retry1", "row-7-retry2")]
    [InlineData("row-7-retry9", "row-7-retry10")]
    public void Retry_ids(string id, string expected) => Assert.Equal(expected, RetryPlanner.NextRetryId(id));

    [Fact]
    public void Retry_ids_stay_within_64_characters_and_unique()
    {
        string longId = new('x', 64);
        string next = RetryPlanner.NextRetryId(longId);
        Assert.Equal(64, next.Length);
        Assert.EndsWith("-retry1", next);
        var taken = new HashSet<string>();
        Assert.NotEqual(RetryPlanner.NextRetryId(longId, taken), RetryPlanner.NextRetryId(longId + "y", taken));
    }

    [Fact]
    public async Task Failed_results_are_errored_expired_and_canceled_only_and_bad_lines_are_skipped()
    {
        string[] lines =
        [
            """{"custom_id":"a","result":{"type":"succeeded","message":{"id":"msg_1","content":[{"type":"text","text":"{\"custom_id\":\"fake\"}"}]}}}""",
            """{"result":{"type":"errored","error":{"type":"error","error":{"type":"overloaded_error","message":"x"}}},"custom_id":"b"}""",
            """{"custom_id":"c","result":{"type":"expired"}}""",
            """{"custom_id":"d","result":{"type":"canceled"}}""",
            """{"custom_id":"e","result":{"type":"some_new_type"}}""",
            """{"custom_id":"f","result":{"type":"err""",
            "",
        ];
        IReadOnlyList<string> ids = await FailedResults.CollectAsync(ToAsync(lines));
        Assert.Equal(["b", "c", "d"], ids);
    }

    private static async IAsyncEnumerable<ReadOnlyMemory<byte>> ToAsync(IEnumerable<string> lines)
    {
        foreach (string l in lines)
        {
            await Task.Yield();
            yield return Encoding.UTF8.GetBytes(l);
        }
    }
}
