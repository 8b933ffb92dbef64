using BatchTui.Core.Api;
using Microsoft.Extensions.Time.Testing;
using System.Text.Json;

namespace BatchTui.Tests.Cli;

/// <summary><c>batchtui cancel</c> and <c>delete</c>: confirmation, refusals with the API's words, read-only.</summary>
public sealed class ChangeCommandTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 12, 2, 8, 0, 0, TimeSpan.Zero));
    private CliWorld _w = null!;

    public async Task InitializeAsync() => _w = await CliWorld.StartAsync(clock: _clock);
    public async Task DisposeAsync() => await _w.DisposeAsync();

    private async Task<MessageBatch> Ended()
    {
        MessageBatch b = await _w.CreateAsync(2);
        _clock.Advance(TimeSpan.FromHours(1));
        return await _w.Api.GetAsync(b.Id);
    }

    [Fact]
    public async Task Cancel_with_yes_cancels_each_batch_and_prints_it_as_json_when_piped()
    {
        MessageBatch a = await _w.CreateAsync(), b = await _w.CreateAsync();
        CliRun r = await _w.Run("cancel", a.Id, b.Id, "--yes");
        Assert.Equal(0, r.Code);
        using var doc = JsonDocument.Parse(r.Out);
        Assert.All(doc.RootElement.EnumerateArray(), e => Assert.Equal("canceling", e.GetProperty("processing_status").GetString()));
        Assert.Equal(BatchStatus.Canceling, (await _w.Api.GetAsync(a.Id)).Status);
        Assert.Equal(BatchStatus.Canceling, (await _w.Api.GetAsync(b.Id)).Status);
    }

    [Fact]
    public async Task On_a_terminal_it_asks_naming_every_id_and_no_sends_nothing()
    {
        MessageBatch a = await _w.CreateAsync(), b = await _w.CreateAsync();
        CliRun no = await _w.Run(["cancel", a.Id, b.Id], input: "n\n", terminal: true);
        Assert.Equal(4, no.Code);
        Assert.Contains($"Cancel 2 batches: {a.Id}, {b.Id}? [y/N]", no.Err);
        Assert.Equal(BatchStatus.InProgress, (await _w.Api.GetAsync(a.Id)).Status);

        CliRun yes = await _w.Run(["cancel", a.Id], input: "y\n", terminal: true);
        Assert.Equal(0, yes.Code);
        Assert.Matches($@"^{a.Id}  canceling  ", yes.Out);
    }

    [Fact]
    public async Task Piped_without_yes_nothing_is_sent_and_exit_is_4()
    {
        MessageBatch a = await _w.CreateAsync();
        CliRun r = await _w.Run("delete", a.Id);
        Assert.Equal(4, r.Code);
        Assert.Contains("pass --yes", r.Err);
        Assert.Equal(BatchStatus.InProgress, (await _w.Api.GetAsync(a.Id)).Status);
    }

    [Fact]
    public async Task State_refusals_are_exit_3_with_the_api_message_and_request_id()
    {
        MessageBatch ended = await Ended();
        CliRun cancel = await _w.Run("cancel", ended.Id, "--yes");
        Assert.Equal(3, cancel.Code);
        Assert.Matches($@"batchtui cancel: {ended.Id}: 400 invalid_request_error: .+ \(request-id req_\w+\)", cancel.Err);

        MessageBatch running = await _w.CreateAsync();
        CliRun delete = await _w.Run("delete", running.Id, "--yes");
        Assert.Equal(3, delete.Code);
        Assert.Matches($@"batchtui delete: {running.Id}: 400 invalid_request_error: .+ \(request-id req_\w+\)", delete.Err);

        _w.Sim.Chaos.FailNext(1, 409);
        CliRun conflict = await _w.Run("cancel", running.Id, "--yes", "--max-retries", "0");
        Assert.Equal(3, conflict.Code);
        Assert.Matches(@"409 \w+: .+ \(request-id req_\w+\)", conflict.Err);
    }

    [Fact]
    public async Task Delete_an_ended_batch_prints_the_deleted_object_and_an_unknown_id_is_exit_5()
    {
        MessageBatch ended = await Ended();
        CliRun r = await _w.Run("delete", ended.Id, "-y");
        Assert.Equal(0, r.Code);
        using var doc = JsonDocument.Parse(r.Out);
        Assert.Equal(ended.Id, doc.RootElement.GetProperty("id").GetString());
        Assert.Equal("message_batch_deleted", doc.RootElement.GetProperty("type").GetString());
        await Assert.ThrowsAsync<BatchApiException>(() => _w.Api.GetAsync(ended.Id));

        CliRun again = await _w.Run("delete", ended.Id, "-y");
        Assert.Equal(5, again.Code);
        Assert.Matches(@"404 not_found_error: .+ \(request-id req_\w+\)", again.Err);
    }

    [Fact]
    public async Task A_read_only_profile_refuses_before_asking_or_sending()
    {
        MessageBatch a = await _w.CreateAsync();
        string config = Path.Combine(_w.Home, "config.json");
        File.WriteAllText(config, "{\"profile\":\"ro\",\"profiles\":{\"ro\":{\"baseUrl\":\"" + _w.Sim.BaseUrl + "\",\"readOnly\":true}}}");
        foreach (string verb in new[] { "cancel", "delete" })
        {
            CliRun r = await _w.Run(verb, a.Id, "--yes", "--config", config);
            Assert.Equal(2, r.Code);
            Assert.Contains("read-only (profile ro", r.Err);
        }
        Assert.Equal(BatchStatus.InProgress, (await _w.Api.GetAsync(a.Id)).Status);
    }
}
