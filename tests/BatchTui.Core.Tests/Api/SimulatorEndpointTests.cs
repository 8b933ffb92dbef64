using BatchTui.Core.Api;
using System.Text;
using System.Text.Json;

namespace BatchTui.Core.Tests.Api;

/// <summary>Every endpoint through the service layer, over loopback HTTP to the simulator, in both namespaces.</summary>
public sealed class SimulatorEndpointTests
{
    public static TheoryData<string[]> Namespaces => new() { Array.Empty<string>(), new[] { "message-batches-2024-09-24", "files-api-2025-04-14" } };

    private static BatchCreateRequest TwoRequests(string prefix) => new(
    [
        new BatchRequestItem($"{prefix}-1", JsonDocument.Parse("""{"model":"claude-sonnet-4-5","max_tokens":64,"messages":[{"role":"user","content":"Name a prime."}]}""").RootElement),
        new BatchRequestItem($"{prefix}-2", JsonDocument.Parse("""{"model":"claude-sonnet-4-5","max_tokens":64,"messages":[{"role":"user","content":"Name a colour."}]}""").RootElement),
    ]);

    [Theory, MemberData(nameof(Namespaces))]
    public async Task List_pages_forward_and_backward_cover_the_whole_listing(string[] betas)
    {
        await using var sim = await World.StartAsync(betas: betas, retries: 4);
        var all = await sim.AllBatchesAsync(pageSize: 1000);
        Assert.True(all.Count >= 40, $"seeded world has {all.Count} batches");
        Assert.Equal(all.OrderByDescending(b => b.CreatedAt).Select(b => b.Id), all.Select(b => b.Id));

        var forward = await sim.AllBatchesAsync(pageSize: 7);
        Assert.Equal(all.Select(b => b.Id), forward.Select(b => b.Id));

        // Backward from the oldest: before_id pages, each page newest-first, prepended.
        var backward = new List<MessageBatch> { all[^1] };
        string? before = all[^1].Id;
        while (true)
        {
            var page = await sim.Api.ListAsync(new PageRequest(7, BeforeId: before));
            backward.InsertRange(0, page.Data);
            if (!page.HasMore) break;
            before = page.FirstId;
        }
        Assert.Equal(all.Select(b => b.Id), backward.Select(b => b.Id));

        var first = await sim.Api.ListAsync(new PageRequest(3));
        Assert.Equal((all[0].Id, all[2].Id, true), (first.FirstId, first.LastId, first.HasMore));
        Assert.All(first.Data, b => Assert.Equal(b.Id, JsonDocument.Parse(b.RawJson).RootElement.GetProperty("id").GetString()));
    }

    [Theory, MemberData(nameof(Namespaces))]
    public async Task Create_get_cancel_then_delete(string[] betas)
    {
        await using var sim = await World.StartAsync(betas: betas, seedWorld: false, createdBatchDuration: TimeSpan.FromHours(1), retries: 4);
        var created = await sim.Api.CreateAsync(TwoRequests("c"));
        Assert.StartsWith("msgbatch_", created.Id);
        Assert.Equal(BatchStatus.InProgress, created.Status);
        Assert.Equal(new RequestCounts(2, 0, 0, 0, 0), created.Counts);
        Assert.Equal(created.CreatedAt.AddHours(24), created.ExpiresAt);
        Assert.Null(created.EndedAt);
        Assert.Null(created.ResultsUrl);

        var got = await sim.Api.GetAsync(created.Id);
        Assert.Equal(created.Id, got.Id);
        Assert.Equal(BatchStatus.InProgress, got.Status);

        var early = await Assert.ThrowsAsync<BatchApiException>(() => sim.Api.DeleteAsync(created.Id));
        Assert.Equal((400, "invalid_request_error"), (early.Status, early.ErrorType));

        var canceling = await sim.Api.CancelAsync(created.Id);
        Assert.Equal(BatchStatus.Canceling, canceling.Status);
        Assert.NotNull(canceling.CancelInitiatedAt);

        sim.Time.Advance(TimeSpan.FromMinutes(5)); // past the simulator's cancel delay
        var ended = await sim.Api.GetAsync(created.Id);
        Assert.Equal(BatchStatus.Ended, ended.Status);
        Assert.Equal(2, ended.Counts.Total);
        Assert.Equal(0, ended.Counts.Processing);
        Assert.NotNull(ended.EndedAt);
        Assert.NotNull(ended.ResultsUrl);

        var lines = new List<string>();
        await foreach (var line in sim.Api.ResultLinesAsync(created.Id)) lines.Add(Encoding.UTF8.GetString(line.Span));
        Assert.Equal(["c-1", "c-2"], lines.Select(l => JsonDocument.Parse(l).RootElement.GetProperty("custom_id").GetString()).Order());

        Assert.Equal(created.Id, await sim.Api.DeleteAsync(created.Id));
        var gone = await Assert.ThrowsAsync<BatchApiException>(() => sim.Api.GetAsync(created.Id));
        Assert.Equal((404, "not_found_error"), (gone.Status, gone.ErrorType));
    }

    [Theory, MemberData(nameof(Namespaces))]
    public async Task Results_of_an_ended_batch_as_bytes_and_as_lines(string[] betas)
    {
        await using var sim = await World.StartAsync(betas: betas, retries: 4);
        var ended = (await sim.AllBatchesAsync(1000))
            .Where(b => b.ResultsAvailable && b.Counts.Total is > 3 and < 5000)
            .OrderBy(b => b.Counts.Total).First();

        await using (var stream = await sim.Api.OpenResultsAsync(ended.Id))
        {
            using var copy = new MemoryStream();
            await stream.CopyToAsync(copy);
            string text = Encoding.UTF8.GetString(copy.ToArray());
            Assert.Equal(ended.Counts.Total, text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        }

        var ids = new List<string>();
        await foreach (var line in sim.Api.ResultLinesAsync(ended.Id))
        {
            using var doc = JsonDocument.Parse(line);
            ids.Add(doc.RootElement.GetProperty("custom_id").GetString()!);
            Assert.True(doc.RootElement.GetProperty("result").TryGetProperty("type", out _));
        }
        Assert.Equal(ended.Counts.Total, ids.Count);
        Assert.Equal(ids.Count, ids.Distinct().Count());
    }

    [Theory, MemberData(nameof(Namespaces))]
    public async Task Every_request_carries_the_namespace_headers(string[] betas)
    {
        await using var sim = await World.StartAsync(betas: betas, seedWorld: false, retries: 4);
        var created = await sim.Api.CreateAsync(TwoRequests("h"));
        await sim.Api.GetAsync(created.Id);
        await sim.Api.ListAsync(new PageRequest(5));
        await sim.Api.CancelAsync(created.Id);
        await Assert.ThrowsAsync<BatchApiException>(() => sim.Api.DeleteAsync(created.Id));
        await Assert.ThrowsAsync<BatchApiException>(() => sim.Api.OpenResultsAsync(created.Id));

        var sent = sim.Spy.Sent.ToList();
        Assert.Equal(6, sent.Count);
        Assert.Equal(["POST", "GET", "GET", "POST", "DELETE", "GET"], sent.Select(r => r.Method));
        foreach (var r in sent)
        {
            Assert.True(r.Headers.ContainsKey("anthropic-version"), r.PathAndQuery);
            if (betas.Length == 0) Assert.False(r.Headers.ContainsKey("anthropic-beta"), r.PathAndQuery);
            else Assert.All(betas, b => Assert.Contains(b, r.Headers["anthropic-beta"]));
        }
        Assert.Equal(betas.Length > 0, sim.Api.UsesBeta);
    }

    [Fact]
    public async Task A_batch_created_through_the_api_ends_on_the_virtual_clock()
    {
        await using var sim = await World.StartAsync(seedWorld: false, createdBatchDuration: TimeSpan.FromMinutes(10), retries: 4);
        var created = await sim.Api.CreateAsync(TwoRequests("l"));
        await Assert.ThrowsAsync<BatchApiException>(() => sim.Api.OpenResultsAsync(created.Id));

        sim.Time.Advance(TimeSpan.FromMinutes(11));
        var ended = await sim.Api.GetAsync(created.Id);
        Assert.Equal(BatchStatus.Ended, ended.Status);
        Assert.Equal(2, ended.Counts.Succeeded + ended.Counts.Errored);
        int n = 0;
        await foreach (var _ in sim.Api.ResultLinesAsync(created.Id)) n++;
        Assert.Equal(2, n);
    }
}
