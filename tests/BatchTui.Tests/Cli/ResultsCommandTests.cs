using BatchTui.Core.Api;
using BatchTui.Core.Results.Export;
using BatchTui.Tests.Support;
using Microsoft.Extensions.Time.Testing;
using System.Text.Json;

namespace BatchTui.Tests.Cli;

/// <summary><c>batchtui results</c>: through the cache, filters, formats, -o, and the batches that have no results.</summary>
public sealed class ResultsCommandTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 12, 2, 8, 0, 0, TimeSpan.Zero));
    private CliWorld _w = null!;
    private MessageBatch _ended = null!;

    public async Task InitializeAsync()
    {
        _w = await CliWorld.StartAsync(clock: _clock, createdErrorRate: 0.3);
        MessageBatch b = await _w.CreateAsync(40);
        _clock.Advance(TimeSpan.FromHours(1));
        _ended = await _w.Api.GetAsync(b.Id);
        Assert.True(_ended.IsEnded);
        Assert.True(_ended.Counts.Errored > 0);
    }

    public async Task DisposeAsync() => await _w.DisposeAsync();

    private async Task<byte[]> ApiBody(string id)
    {
        using var http = new HttpClient();
        using var req = new HttpRequestMessage(HttpMethod.Get, new Uri(_w.Sim.BaseUrl, $"v1/messages/batches/{id}/results"));
        req.Headers.Add("x-api-key", CliWorld.Key);
        using var resp = await http.SendAsync(req);
        return await resp.Content.ReadAsByteArrayAsync();
    }

    [Fact]
    public async Task Unfiltered_piped_it_is_the_api_body_byte_for_byte_and_lands_in_the_cache()
    {
        CliRun r = await _w.Run("results", _ended.Id);
        Assert.Equal(0, r.Code);
        Assert.Equal(await ApiBody(_ended.Id), r.OutBytes);
        Assert.Contains($"into the cache ({_w.CacheDir}", r.Err);
        Assert.True(File.Exists(Path.Combine(_w.ScopeDir, _ended.Id + ".jsonl")));
    }

    [Fact]
    public async Task A_cached_batch_needs_no_network_even_once_deleted_on_the_server()
    {
        Assert.Equal(0, (await _w.Run("results", _ended.Id)).Code);
        byte[] body = (await _w.Run("results", _ended.Id)).OutBytes;
        await _w.Api.DeleteAsync(_ended.Id);
        CliRun r = await _w.Run("results", _ended.Id);
        Assert.Equal(0, r.Code);
        Assert.Equal(body, r.OutBytes);
        Assert.Contains("from the cache", r.Err);
        Assert.DoesNotContain(" at http", r.Err); // no connection was opened (it says "profile … at URL" when one is)
    }

    [Fact]
    public async Task Filters_keep_the_raw_lines_that_match_and_say_how_many_on_stderr()
    {
        CliRun r = await _w.Run("results", _ended.Id, "--type", "errored", "--format", "jsonl");
        Assert.Equal(0, r.Code);
        string[] lines = CliWorld.Lines(r.Out);
        Assert.Equal(_ended.Counts.Errored, lines.Length);
        Assert.All(lines, l => Assert.Equal("errored", JsonDocument.Parse(l).RootElement.GetProperty("result").GetProperty("type").GetString()));
        string api = System.Text.Encoding.UTF8.GetString(await ApiBody(_ended.Id));
        Assert.All(lines, l => Assert.Contains(l + "\n", api)); // the API's bytes, not re-serialised
        Assert.Contains($"{lines.Length} of 40 results (type=errored)", r.Err);

        string someId = JsonDocument.Parse(lines[0]).RootElement.GetProperty("custom_id").GetString()!;
        string errorType = JsonDocument.Parse(lines[0]).RootElement.GetProperty("result").GetProperty("error").GetProperty("error").GetProperty("type").GetString()!;
        CliRun one = await _w.Run("results", _ended.Id, "--custom-id", someId, "--error-type", errorType);
        Assert.Equal(someId, JsonDocument.Parse(CliWorld.Lines(one.Out).Single()).RootElement.GetProperty("custom_id").GetString());

        CliRun glob = await _w.Run("results", _ended.Id, "--custom-id", "row-1?", "--type", "succeeded,errored");
        Assert.All(CliWorld.Lines(glob.Out), l => Assert.Matches("\"custom_id\":\"row-1\\d\"", l));
        CliRun stop = await _w.Run("results", _ended.Id, "--stop-reason", "end_turn");
        Assert.All(CliWorld.Lines(stop.Out), l => Assert.Contains("\"stop_reason\":\"end_turn\"", l));
    }

    [Fact]
    public async Task Csv_text_table_and_json_formats()
    {
        CliRun csv = await _w.Run("results", _ended.Id, "--format", "csv");
        var rows = Csv.Parse(csv.Out);
        Assert.Equal(ResultsExporter.CsvHeader, rows[0]);
        Assert.Equal(41, rows.Count);

        CliRun text = await _w.Run("results", _ended.Id, "--format", "text", "--type", "errored");
        Assert.Matches(@"^### row-\d+ · errored · \w+\n", text.Out);

        CliRun table = await _w.Run(["results", _ended.Id], terminal: true);
        string[] t = CliWorld.Lines(table.Out);
        Assert.Matches(@"^CUSTOM_ID\s+TYPE\s+REASON\s+IN\s+OUT\s+TEXT$", t[0]);
        Assert.Equal(41, t.Length);

        CliRun json = await _w.Run("results", _ended.Id, "--format", "json");
        Assert.Equal(40, JsonDocument.Parse(json.Out).RootElement.GetArrayLength());
    }

    [Fact]
    public async Task Output_file_is_written_whole_and_stdout_stays_empty()
    {
        string file = Path.Combine(_w.Home, "out", "failed.jsonl");
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        CliRun r = await _w.Run("results", _ended.Id, "--type", "errored", "-o", file);
        Assert.Equal(0, r.Code);
        Assert.Equal("", r.Out);
        Assert.Equal(_ended.Counts.Errored, File.ReadAllLines(file).Length);
        Assert.Equal([Path.GetFileName(file)], Directory.GetFiles(Path.GetDirectoryName(file)!).Select(Path.GetFileName));
    }

    [Fact]
    public async Task A_batch_not_ended_is_exit_6_and_an_unknown_one_exit_5()
    {
        MessageBatch running = await _w.CreateAsync(2);
        CliRun r = await _w.Run("results", running.Id);
        Assert.Equal(6, r.Code);
        Assert.Contains($"{running.Id} is in_progress (0 of 2 requests processed): its results come once it has ended", r.Err);
        Assert.Equal("", r.Out);

        CliRun unknown = await _w.Run("results", "msgbatch_unknown");
        Assert.Equal(5, unknown.Code);
        Assert.Matches(@"404 not_found_error: .* \(request-id req_\w+\)", unknown.Err);

        CliRun odd = await _w.Run("results", "../etc/passwd");
        Assert.Equal(2, odd.Code);
    }

    [Fact]
    public async Task Untrusted_text_reaches_a_terminal_only_as_visible_stand_ins()
    {
        string hostile = Path.Combine(_w.ScopeDir, "msgbatch_hostile.jsonl");
        Directory.CreateDirectory(_w.ScopeDir);
        File.WriteAllText(hostile, """{"custom_id":"x\u001b]0;pwned\u0007","result":{"type":"succeeded","message":{"content":[{"type":"text","text":"hi \u001b[2J\u009b6n \u202eevil"}],"stop_reason":"end_turn","usage":{"input_tokens":1,"output_tokens":2}}}}""" + "\n");
        foreach (string format in new[] { "table", "text", "jsonl", "csv", "json" })
        {
            CliRun r = await _w.Run(["results", "msgbatch_hostile", "--format", format], terminal: true);
            Assert.Equal(0, r.Code);
            Assert.DoesNotContain('\u001b', r.Out);
            Assert.DoesNotContain('\u009b', r.Out);
            Assert.DoesNotContain('\u202e', r.Out);
        }
        CliRun table = await _w.Run(["results", "msgbatch_hostile"], terminal: true);
        Assert.Contains("x␛]0;pwned␇", table.Out);
    }
}
