using BatchTui.Core.Requests;
using BatchTui.Core.State;
using Microsoft.Extensions.Time.Testing;

namespace BatchTui.Core.Tests.State;

public class DraftStoreTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 2, 8, 0, 0, TimeSpan.Zero));

    [Fact]
    public void State_directory_follows_xdg_with_fallback()
    {
        Assert.Equal("/x/state/batchtui", StateDirectory.Resolve(v => v == "XDG_STATE_HOME" ? "/x/state" : null));
        Assert.Equal("/home/u/.local/state/batchtui", StateDirectory.Resolve(v => v switch { "HOME" => "/home/u", _ => null }));
        // a relative XDG value is ignored, as the spec says
        Assert.Equal("/home/u/.local/state/batchtui", StateDirectory.Resolve(v => v switch { "XDG_STATE_HOME" => "rel/dir", "HOME" => "/home/u", _ => null }));
        Assert.Equal("/x/state/batchtui/drafts", StateDirectory.Drafts("/x/state/batchtui"));
    }

    [Fact]
    public async Task A_draft_written_by_one_instance_is_restored_exactly_by_a_fresh_one()
    {
        using var dir = new TempDir();
        var first = new DraftStore(dir["drafts"], _time);
        Draft draft = first.Create() with
        {
            Mode = EditorMode.Raw,
            Template = new RequestTemplate { Model = "claude-opus-4-8", UserMessage = "Summarise: {input}", ThinkingType = "enabled", ThinkingBudget = "2048" },
            InputsText = "doc one\ndoc two\n",
            RawText = "{\"custom_id\":\"a\", \"params\": {\n  half typed",
            SourceFile = "/data/in.jsonl",
        };
        await first.SaveAsync(draft);

        // "kill": the first instance is simply dropped; a new one over the same directory finds the draft
        var second = new DraftStore(dir["drafts"], new FakeTimeProvider(_time.GetUtcNow().AddMinutes(5)));
        Draft restored = Assert.Single(await second.ListAsync());
        Assert.Equal(draft with { UpdatedAt = restored.UpdatedAt }, restored);
        Assert.Equal(_time.GetUtcNow(), restored.UpdatedAt);
        Assert.Contains("raw, 2 non-blank lines", restored.Summary);
    }

    [Fact]
    public async Task Drafts_are_listed_newest_first_and_deleted()
    {
        using var dir = new TempDir();
        var store = new DraftStore(dir["drafts"], _time);
        Draft a = store.Create() with { InputsText = "a" };
        await store.SaveAsync(a);
        _time.Advance(TimeSpan.FromMinutes(1));
        Draft b = store.Create() with { InputsText = "b" };
        await store.SaveAsync(b);
        Assert.Equal([b.Id, a.Id], (await store.ListAsync()).Select(d => d.Id));
        store.Delete(b.Id);
        Assert.Equal([a.Id], (await store.ListAsync()).Select(d => d.Id));
    }

    [Fact]
    public async Task A_write_that_dies_half_way_leaves_the_previous_file_and_no_temp()
    {
        using var dir = new TempDir();
        string path = dir["drafts/x.json"];
        await AtomicFile.WriteAllTextAsync(path, "old content");
        await Assert.ThrowsAsync<IOException>(() => AtomicFile.WriteAsync(path, async (s, ct) =>
        {
            await s.WriteAsync("new con"u8.ToArray(), ct);
            throw new IOException("disk full");
        }));
        Assert.Equal("old content", File.ReadAllText(path));
        Assert.Equal(["x.json"], Directory.EnumerateFiles(dir["drafts"]).Select(Path.GetFileName));
    }

    [Fact]
    public async Task Files_are_private_to_the_user()
    {
        if (OperatingSystem.IsWindows()) return;
        using var dir = new TempDir();
        var store = new DraftStore(dir["state/drafts"], _time);
        Draft d = store.Create();
        await store.SaveAsync(d);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(store.PathOf(d.Id)));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(dir["state/drafts"]));
    }

    [Fact]
    public async Task Stray_and_corrupt_files_are_skipped_and_named_and_leftover_temps_removed()
    {
        using var dir = new TempDir();
        var store = new DraftStore(dir["drafts"], _time);
        Draft good = store.Create() with { InputsText = "kept" };
        await store.SaveAsync(good);
        File.WriteAllText(dir["drafts/broken.json"], "{\"id\": \"x\", \"mode\": ");
        File.WriteAllText(dir["drafts/.y.json.abc.tmp"], "half");
        IReadOnlyList<Draft> drafts = await store.ListAsync();
        Assert.Equal([good.Id], drafts.Select(d => d.Id));
        Assert.Equal([dir["drafts/broken.json"]], store.Unreadable);
        Assert.False(File.Exists(dir["drafts/.y.json.abc.tmp"]));
    }

    [Fact]
    public async Task Autosaver_coalesces_and_a_delete_after_it_is_final()
    {
        using var dir = new TempDir();
        var store = new DraftStore(dir["drafts"], _time);
        var saver = new DraftAutosaver(store);
        Draft d = store.Create();
        for (int i = 0; i < 50; i++) saver.Save(d with { InputsText = $"v{i}" });
        await saver.FlushAsync();
        Assert.Equal("v49", (await store.LoadAsync(d.Id))!.InputsText);
        Assert.InRange(saver.Saves, 1, 50);

        saver.Save(d with { InputsText = "late" });
        await saver.DeleteAsync(d.Id);
        await saver.FlushAsync();
        Assert.Empty(await store.ListAsync());
    }
}
