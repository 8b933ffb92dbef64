using BatchTui.Core.Api;
using BatchTui.Core.State;
using BatchTui.Core.Tests.State;
using BatchTui.Simulator;
using System.Text.Json;

namespace BatchTui.Core.Tests.Api;

/// <summary>
/// A create is never sent twice: it is re-sent only after an answer that says it was not taken (429/529, or no
/// connection at all); after any other failure the client looks for the batch instead and names the likely match.
/// Against the simulator over loopback, with the faults that strike after the batch was accepted.
/// </summary>
public sealed class CreateOnceTests
{
    private static readonly JsonElement Params =
        JsonDocument.Parse("""{"model":"claude-haiku-4-5","max_tokens":8,"messages":[{"role":"user","content":"hi"}]}""").RootElement;

    private static BatchCreateRequest Batch(int n) =>
        new(Enumerable.Range(1, n).Select(i => new BatchRequestItem($"r-{i}", Params)).ToList());

    private static int Posts(World sim) => sim.Spy.Sent.Count(r => r.Method == "POST");

    [Theory]
    [InlineData(CreateFault.ServerError)]
    [InlineData(CreateFault.Drop)]
    public async Task Accepted_then_failed_creates_exactly_one_batch_and_names_it(CreateFault fault)
    {
        await using var sim = await World.StartAsync(seedWorld: false, retries: 4);
        await sim.Api.ListAsync(new PageRequest(1)); // a pooled connection: the socket handler must not re-send on it either
        sim.Sim.Chaos.AcceptThenFailNextCreates(1, fault);

        var e = await Assert.ThrowsAsync<CreateUncertainException>(() => sim.Api.CreateAsync(Batch(3)));

        MessageBatch only = Assert.Single(await sim.AllBatchesAsync());
        Assert.Equal(1, Posts(sim));
        Assert.Equal(only.Id, e.Check.LikelyMatch?.Id);
        Assert.Equal(fault == CreateFault.ServerError ? 500 : null, e.Status);
        Assert.Contains($"the batch may have been created: {only.Id} was created just now with the same 3 requests: check it before sending again",
            e.Message);
    }

    [Fact]
    public async Task A_529_before_acceptance_is_retried_and_creates_exactly_one()
    {
        await using var sim = await World.StartAsync(seedWorld: false, retries: 4);
        sim.Sim.Chaos.FailNext(2, 529);

        MessageBatch created = await sim.Api.CreateAsync(Batch(2));

        Assert.Equal(created.Id, Assert.Single(await sim.AllBatchesAsync()).Id);
        Assert.Equal(3, Posts(sim));
        Assert.Equal(2, sim.Api.Retries);
    }

    [Fact]
    public async Task A_500_before_acceptance_is_not_resent_and_says_none_was_found_but_it_may_exist()
    {
        await using var sim = await World.StartAsync(seedWorld: false, retries: 4);
        sim.Sim.Chaos.FailNext(1, 500);

        var e = await Assert.ThrowsAsync<CreateUncertainException>(() => sim.Api.CreateAsync(Batch(4)));

        Assert.Empty(await sim.AllBatchesAsync());
        Assert.Equal(1, Posts(sim));
        Assert.Equal(0, sim.Api.Retries);
        Assert.Null(e.Check.LikelyMatch);
        Assert.Equal((500, "api_error"), (e.Status, e.ErrorType));
        Assert.EndsWith("; the outcome is unknown: no batch of 4 requests was created since the attempt (looked at the newest 0), but it may still have been created: list the batches before sending again",
            e.Message);
    }

    [Fact]
    public async Task The_match_is_the_batch_of_the_attempt_not_an_older_one_of_the_same_size()
    {
        await using var sim = await World.StartAsync(seedWorld: true, retries: 4);
        MessageBatch older = await sim.Api.CreateAsync(Batch(3));
        sim.Time.Advance(TimeSpan.FromMinutes(1));
        await sim.Api.CreateAsync(Batch(2)); // same time window, other size
        sim.Sim.Chaos.AcceptThenFailNextCreates(1, CreateFault.ServerError);

        var e = await Assert.ThrowsAsync<CreateUncertainException>(() => sim.Api.CreateAsync(Batch(3)));

        MessageBatch newest = (await sim.AllBatchesAsync())[0];
        Assert.NotEqual(older.Id, newest.Id);
        Assert.Equal(newest.Id, e.Check.LikelyMatch?.Id);
        Assert.Equal(0, e.Check.OtherCandidates);
    }

    [Fact]
    public async Task Other_calls_keep_their_retries_after_a_500()
    {
        await using var sim = await World.StartAsync(seedWorld: false, retries: 4);
        MessageBatch b = await sim.Api.CreateAsync(Batch(1));
        sim.Sim.Chaos.FailNext(1, 500);
        Assert.Equal(b.Id, (await sim.Api.GetAsync(b.Id)).Id);
        sim.Sim.Chaos.FailNext(1, 500);
        Assert.Equal(BatchStatus.Canceling, (await sim.Api.CancelAsync(b.Id)).Status);
        Assert.Equal(2, sim.Api.Retries);
    }

    [Fact]
    public async Task The_journal_records_the_ambiguity_the_likely_match_and_the_requests()
    {
        using var dir = new TempDir();
        await using var sim = await World.StartAsync(seedWorld: false, retries: 4);
        var journal = new SubmissionJournal(dir["journal"], sim.Time);
        BatchCreateRequest request = Batch(3);
        sim.Sim.Chaos.AcceptThenFailNextCreates(1, CreateFault.ServerError);
        var e = await Assert.ThrowsAsync<CreateUncertainException>(() => sim.Api.CreateAsync(request));

        string path = await journal.RecordUncertainAsync(e, request.Requests, sim.Sim.BaseUrl, "/data/in.jsonl");

        UncertainCreate u = Assert.Single(await journal.UncertainAsync());
        string id = Assert.Single(await sim.AllBatchesAsync()).Id;
        Assert.Equal(id, u.LikelyMatch);
        Assert.Equal(3, u.RequestCount);
        Assert.StartsWith("500 api_error: Internal server error", u.Failure);
        Assert.NotNull(u.RequestId);
        Assert.Equal("/data/in.jsonl", u.SourceFile);
        Assert.Equal(sim.Time.GetUtcNow(), u.AttemptedAt);
        Assert.StartsWith($"{id} was created", u.Verdict);
        var again = await BatchTui.Core.Requests.CheckedRequests.CheckFileAsync(path);
        Assert.True(again.CanSubmit);
        Assert.Equal(["r-1", "r-2", "r-3"], again.Items.Select(i => i.CustomId));
        Assert.False(journal.Contains(id)); // not filed as ours: the match is only likely
    }

    [Fact]
    public void The_verdict_gives_the_age_and_the_other_candidates()
    {
        var at = new DateTimeOffset(2026, 12, 2, 8, 0, 0, TimeSpan.Zero);
        var batch = new MessageBatch("msgbatch_01X", BatchStatus.InProgress, new RequestCounts(3, 0, 0, 0, 0), at.AddSeconds(1),
            at.AddDays(1), null, null, null, null, "{}");
        Assert.Equal("msgbatch_01X was created 2 s ago with the same 3 requests: check it before sending again",
            new CreateCheck(at, at.AddSeconds(3), 3, batch, 0, 5, null).Verdict);
        Assert.Equal("msgbatch_01X was created 5 min ago with the same 3 requests (1 more fit too): check it before sending again",
            new CreateCheck(at, at.AddMinutes(5), 3, batch, 1, 5, null).Verdict);
        Assert.StartsWith("it may have been created, and looking for it failed (boom)",
            new CreateCheck(at, at, 3, null, 0, 0, "boom").Verdict);
    }
}
