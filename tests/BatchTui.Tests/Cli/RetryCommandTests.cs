using BatchTui.Core.Api;
using Microsoft.Extensions.Time.Testing;
using System.Text.Json;

namespace BatchTui.Tests.Cli;

/// <summary><c>batchtui retry</c>: the failed requests of a batch created with <c>batchtui create</c>, as a new batch.</summary>
public sealed class RetryCommandTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 12, 2, 8, 0, 0, TimeSpan.Zero));
    private CliWorld _w = null!;

    public async Task InitializeAsync() => _w = await CliWorld.StartAsync(clock: _clock, createdErrorRate: 0.4);
    public async Task DisposeAsync() => await _w.DisposeAsync();

    private async Task<string> CreateWithCli(int n)
    {
        CliRun r = await _w.Run("create", _w.RequestsFile(n), "--yes", "--format", "json");
        Assert.True(r.Code == 0, r.ToString());
        using var doc = JsonDocument.Parse(r.Out);
        return doc.RootElement.GetProperty("id").GetString()!;
    }

    [Fact]
    public async Task The_errored_requests_go_out_again_as_a_new_journalled_batch()
    {
        string id = await CreateWithCli(20);
        CliRun early = await _w.Run("retry", id, "--yes");
        Assert.Equal(6, early.Code);
        Assert.Contains("retry works on an ended batch", early.Err);

        _clock.Advance(TimeSpan.FromHours(1));
        MessageBatch ended = await _w.Api.GetAsync(id);
        Assert.True(ended.Counts.Errored > 0);

        CliRun piped = await _w.Run("retry", id);
        Assert.Equal(4, piped.Code);
        Assert.Contains($"{ended.Counts.Errored} failed requests of {id} ready to retry (from the journal)", piped.Err);

        CliRun r = await _w.Run("retry", id, "--yes");
        Assert.True(r.Code == 0, r.ToString());
        string newId = r.Out.Trim();
        Assert.Matches(@"^msgbatch_\w+$", newId);
        MessageBatch created = await _w.Api.GetAsync(newId);
        Assert.Equal(ended.Counts.Errored, created.Counts.Total);
        Assert.Contains($"retrying {id}; journalled in", r.Err);
        Assert.True(File.Exists(Path.Combine(_w.Home, ".local", "state", "batchtui", "journal", newId + ".jsonl")));
    }

    [Fact]
    public async Task On_a_terminal_it_previews_and_asks()
    {
        string id = await CreateWithCli(10);
        _clock.Advance(TimeSpan.FromHours(1));
        CliRun r = await _w.Run(["retry", id, "--rename"], input: "y\n", terminal: true);
        Assert.True(r.Code == 0, r.ToString());
        Assert.Contains("models:   claude-sonnet-4-6", r.Err);
        Assert.Contains("Create a new batch of", r.Err);
        string[] journal = File.ReadAllLines(Path.Combine(_w.Home, ".local", "state", "batchtui", "journal", r.Out.Trim() + ".jsonl"));
        Assert.NotEmpty(journal);
        Assert.All(journal, l => Assert.Matches("\"custom_id\":\"row-\\d+-retry1\"", l));
    }

    [Fact]
    public async Task A_batch_not_submitted_here_needs_the_original_file()
    {
        MessageBatch b = await _w.CreateAsync(10);
        _clock.Advance(TimeSpan.FromHours(1));
        CliRun r = await _w.Run("retry", b.Id, "--yes");
        Assert.Equal(1, r.Code);
        Assert.Contains("was not submitted by batchtui on this machine", r.Err);

        CliRun withFile = await _w.Run("retry", b.Id, "--yes", "--from", _w.RequestsFile(10));
        Assert.True(withFile.Code == 0, withFile.ToString());

        string config = Path.Combine(_w.Home, "ro.json");
        File.WriteAllText(config, """{"readOnly": true}""");
        Assert.Equal(2, (await _w.Run("retry", b.Id, "--yes", "--config", config)).Code);
    }
}
