using BatchTui.Core.Api;
using System.Text.Json;

namespace BatchTui.Tests.Cli;

/// <summary>Local labels and notes from the CLI against the simulator: create --label, label / note, list and get.</summary>
public sealed class LabelCommandTests : IAsyncLifetime
{
    private CliWorld _w = null!;

    public async Task InitializeAsync() => _w = await CliWorld.StartAsync(seedWorld: false);
    public async Task DisposeAsync() => await _w.DisposeAsync();

    [Fact]
    public async Task Create_labels_the_batch_with_the_file_name_and_list_shows_it_as_a_column_and_under_local()
    {
        string file = Path.Combine(_w.Home, "nightly-eval.jsonl");
        File.Move(_w.RequestsFile(3), file);
        CliRun created = await _w.Run("create", file, "--yes");
        Assert.Equal(0, created.Code);
        string id = created.Out.Trim();
        Assert.Contains($"labelled {id}: nightly-eval", created.Err);
        MessageBatch other = await _w.CreateAsync(2); // not labelled

        CliRun table = await _w.Run("list", "--format", "table");
        string[] lines = CliWorld.Lines(table.Out);
        Assert.Matches(@"^ID\s+STATUS\s+.*CREATED \(UTC\)\s+LABEL$", lines[0]);
        Assert.Matches($@"^{id}\s+in_progress\s+.*\s+nightly-eval$", lines.Single(l => l.StartsWith(id, StringComparison.Ordinal)));
        Assert.Matches(@"\d\d:\d\d$", lines.Single(l => l.StartsWith(other.Id, StringComparison.Ordinal)));

        CliRun json = await _w.Run("list", "--json");
        using var doc = JsonDocument.Parse(json.Out);
        JsonElement mine = doc.RootElement.GetProperty("data").EnumerateArray().Single(b => b.GetProperty("id").GetString() == id);
        Assert.Equal("nightly-eval", mine.GetProperty("local").GetProperty("label").GetString());
        Assert.Equal(JsonValueKind.Null, mine.GetProperty("local").GetProperty("note").ValueKind);
        Assert.Equal("message_batch", mine.GetProperty("type").GetString()); // the API's fields stay
        JsonElement theirs = doc.RootElement.GetProperty("data").EnumerateArray().Single(b => b.GetProperty("id").GetString() == other.Id);
        Assert.False(theirs.TryGetProperty("local", out _)); // no label, no note: no key

        CliRun jsonl = await _w.Run("list", "--format", "jsonl");
        Assert.Contains("\"local\":{\"label\":\"nightly-eval\"", jsonl.Out);
    }

    [Fact]
    public async Task Create_label_flag_overrides_the_default_and_an_empty_one_means_none()
    {
        CliRun named = await _w.Run("create", _w.RequestsFile(2), "--yes", "--label", "prompt v2");
        CliRun none = await _w.Run("create", _w.RequestsFile(2), "--yes", "--label=");
        Assert.Equal((0, 0), (named.Code, none.Code));
        Assert.Equal("prompt v2\n", (await _w.Run("label", named.Out.Trim())).Out);
        Assert.Equal("", (await _w.Run("label", none.Out.Trim())).Out);
        Assert.DoesNotContain("labelled", none.Err);
    }

    [Fact]
    public async Task Label_and_note_print_set_and_clear_and_get_shows_them()
    {
        MessageBatch b = await _w.CreateAsync(2);
        Assert.Equal((0, ""), await Out("label", b.Id));
        CliRun set = await _w.Run("label", b.Id, "eval\trun 3");
        Assert.Equal(0, set.Code);
        Assert.Equal("", set.Out); // stdout is data only
        Assert.Contains($"label of {b.Id} saved: eval run 3", set.Err);
        Assert.Equal((0, "eval run 3\n"), await Out("label", b.Id));

        CliRun note = await _w.Run(["note", b.Id, "-"], "first line\r\nsecond line\n");
        Assert.Equal(0, note.Code);
        Assert.Equal((0, "first line\nsecond line\n"), await Out("note", b.Id));

        CliRun get = await _w.Run(["get", b.Id], terminal: true);
        string[] lines = CliWorld.Lines(get.Out);
        Assert.Contains("  label               eval run 3", lines);
        Assert.Contains("  note                first line", lines);
        Assert.Contains("                      second line", lines);
        using (var doc = JsonDocument.Parse((await _w.Run("get", b.Id, "--json")).Out))
            Assert.Equal("first line\nsecond line", doc.RootElement.GetProperty("local").GetProperty("note").GetString());

        Assert.Equal(0, (await _w.Run("label", b.Id, "--clear")).Code);
        Assert.Equal((0, ""), await Out("label", b.Id));
        using (var doc = JsonDocument.Parse((await _w.Run("label", b.Id, "--json")).Out))
        {
            Assert.Equal(JsonValueKind.Null, doc.RootElement.GetProperty("local").GetProperty("label").ValueKind);
            Assert.Equal("first line\nsecond line", doc.RootElement.GetProperty("local").GetProperty("note").GetString());
        }
        Assert.Equal(2, (await _w.Run("label", b.Id, "x", "--clear")).Code);
    }

    [Fact]
    public async Task A_label_is_local_it_works_read_only_and_outlives_the_batch_on_the_server()
    {
        MessageBatch b = await _w.CreateAsync(2);
        Assert.Equal(0, (await _w.Run("label", b.Id, "keep me", "--read-only")).Code);
        await _w.Api.CancelAsync(b.Id);
        await _w.Sim.DisposeAsync(); // the server is gone altogether: nothing here asks it
        Assert.Equal((0, "keep me\n"), await Out("label", b.Id));
    }

    [Fact]
    public async Task In_demo_mode_there_is_no_origin_to_keep_a_label_for()
    {
        var env = _w.Env;
        env.Remove("ANTHROPIC_API_KEY");
        env.Remove("ANTHROPIC_BASE_URL");
        CliRun r = await _w.Run(["label", "msgbatch_x", "y"], env: env);
        Assert.Equal(2, r.Code);
        Assert.Contains("demo mode", r.Err);
    }

    [Fact]
    public async Task Hostile_label_text_is_printed_inert()
    {
        MessageBatch b = await _w.CreateAsync(2);
        await _w.Run(["note", b.Id, "-"], "ok\u001b]52;c;AAAA\u0007 \u202Edone");
        CliRun r = await _w.Run(["get", b.Id], terminal: true);
        Assert.True(Core.Text.UntrustedText.IsInert(r.Out, allowNewlines: true), r.Out);
        Assert.Contains("note", r.Out);
    }

    [Fact]
    public async Task Labels_from_processes_running_at_once_are_all_kept()
    {
        MessageBatch[] batches = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => _w.CreateAsync(1)));
        CliRun[] runs = await Task.WhenAll(batches.Select((b, i) => _w.RunProcess("label", b.Id, $"proc {i}")));
        Assert.All(runs, r => Assert.Equal(0, r.Code));
        for (int i = 0; i < batches.Length; i++) Assert.Equal((0, $"proc {i}\n"), await Out("label", batches[i].Id));
    }

    private async Task<(int, string)> Out(params string[] args)
    {
        CliRun r = await _w.Run(args);
        return (r.Code, r.Out);
    }
}
