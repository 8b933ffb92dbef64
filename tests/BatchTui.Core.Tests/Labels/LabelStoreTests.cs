using BatchTui.Core.Labels;
using BatchTui.Core.Results.Store;
using BatchTui.Core.Tests.State;
using CsCheck;
using Microsoft.Extensions.Time.Testing;
using System.Globalization;
using System.Text.Json;

namespace BatchTui.Core.Tests.Labels;

public sealed class LabelStoreTests
{
    private static readonly CacheScope Real = new(new Uri("https://api.anthropic.com/"));
    private static readonly CacheScope Proxy = new(new Uri("http://127.0.0.1:8080/"));
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 6, 7, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task A_label_and_a_note_are_read_back_by_a_fresh_store_and_keyed_by_origin()
    {
        using var dir = new TempDir();
        var store = LabelStore.Open(dir.Path, Real, _time);
        await store.SetLabelAsync("msgbatch_01", "eval run 3");
        await store.SetNoteAsync("msgbatch_01", "prompt v2\nsonnet, temperature 0");

        var fresh = LabelStore.Open(dir.Path, Real, _time);
        BatchNote n = fresh.Get("msgbatch_01")!;
        Assert.Equal("eval run 3", n.Label);
        Assert.Equal("prompt v2\nsonnet, temperature 0", n.Note);
        Assert.Equal(_time.GetUtcNow(), n.UpdatedAt);
        // The same id from another API is another batch.
        Assert.Null(LabelStore.Open(dir.Path, Proxy, _time).Get("msgbatch_01"));
        Assert.Equal(Path.Combine(dir.Path, "labels", Real.FolderName + ".json"), fresh.FilePath);
    }

    [Fact]
    public async Task A_store_with_a_stale_view_keeps_what_another_wrote_since()
    {
        using var dir = new TempDir();
        var a = LabelStore.Open(dir.Path, Real, _time);
        var b = LabelStore.Open(dir.Path, Real, _time); // both read the (empty) file now
        await a.SetLabelAsync("msgbatch_A", "from a");
        await b.SetLabelAsync("msgbatch_B", "from b");
        await b.SetNoteAsync("msgbatch_A", "b's note on a's batch");

        var check = LabelStore.Open(dir.Path, Real, _time);
        Assert.Equal("from a", check.LabelOf("msgbatch_A"));
        Assert.Equal("b's note on a's batch", check.Get("msgbatch_A")!.Note);
        Assert.Equal("from b", check.LabelOf("msgbatch_B"));
        // a sees b's change once it reloads (the TUI does on every refresh).
        Assert.Null(a.LabelOf("msgbatch_B"));
        Assert.True(a.Reload());
        Assert.Equal("from b", a.LabelOf("msgbatch_B"));
        Assert.False(a.Reload()); // unchanged: a stat, no read
    }

    [Fact]
    public async Task Writers_in_parallel_lose_nothing()
    {
        using var dir = new TempDir();
        const int writers = 6, each = 8;
        await Task.WhenAll(Enumerable.Range(0, writers).Select(w => Task.Run(async () =>
        {
            var store = new LabelStore(LabelStore.DirectoryIn(dir.Path), Real); // its own handle, no shared memory
            for (int i = 0; i < each; i++) await store.SetLabelAsync($"msgbatch_{w}_{i}", $"w{w} i{i}");
        })));
        var all = LabelStore.Open(dir.Path, Real).All;
        Assert.Equal(writers * each, all.Count);
        Assert.Equal("w3 i5", all["msgbatch_3_5"].Label);
        Assert.Empty(Directory.EnumerateFiles(LabelStore.DirectoryIn(dir.Path), "*.tmp"));
    }

    [Fact]
    public async Task A_change_waits_for_the_lock_another_holds()
    {
        using var dir = new TempDir();
        var store = LabelStore.Open(dir.Path, Real);
        await store.SetLabelAsync("msgbatch_1", "first");
        string lockPath = Path.Combine(LabelStore.DirectoryIn(dir.Path), Real.FolderName + ".lock");
        Task<BatchNote?> pending;
        using (new FileStream(lockPath, FileMode.Open, FileAccess.ReadWrite, FileShare.None))
        {
            pending = store.SetLabelAsync("msgbatch_1", "second");
            // Held: the change cannot have written. (No timing asserted: only that it did not happen under the lock.)
            await Task.Yield();
            Assert.Equal("first", LabelStore.Open(dir.Path, Real).LabelOf("msgbatch_1"));
        }
        Assert.Equal("second", (await pending)!.Label);
        Assert.Equal("second", LabelStore.Open(dir.Path, Real).LabelOf("msgbatch_1"));
    }

    [Fact]
    public async Task The_file_is_private_names_no_credentials_and_clearing_both_removes_the_entry()
    {
        using var dir = new TempDir();
        var scope = new CacheScope(new Uri("https://user:hunter2@proxy.example/v1/"));
        var store = LabelStore.Open(dir.Path, scope, _time);
        await store.SetLabelAsync("msgbatch_1", "x");
        await store.SetNoteAsync("msgbatch_2", "kept");
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(store.FilePath!));
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute,
                File.GetUnixFileMode(LabelStore.DirectoryIn(dir.Path)));
        }
        Assert.DoesNotContain("hunter2", dir.AllText());
        using (var doc = JsonDocument.Parse(File.ReadAllText(store.FilePath!)))
            Assert.Equal("https://proxy.example/v1/", doc.RootElement.GetProperty("origin").GetString());

        await store.SetLabelAsync("msgbatch_1", "   "); // blank = clear
        Assert.Null(store.Get("msgbatch_1"));
        Assert.Null(LabelStore.Open(dir.Path, scope).Get("msgbatch_1"));
        Assert.Equal("kept", LabelStore.Open(dir.Path, scope).Get("msgbatch_2")!.Note);
    }

    [Fact]
    public async Task A_damaged_file_is_never_overwritten()
    {
        using var dir = new TempDir();
        var store = LabelStore.Open(dir.Path, Real);
        await store.SetLabelAsync("msgbatch_1", "kept");
        File.WriteAllText(store.FilePath!, "{ hand edited, broken");
        var again = LabelStore.Open(dir.Path, Real);
        Assert.NotNull(again.Problem);
        await Assert.ThrowsAsync<IOException>(() => again.SetLabelAsync("msgbatch_2", "new"));
        Assert.Equal("{ hand edited, broken", File.ReadAllText(store.FilePath!));
    }

    [Fact]
    public async Task Without_a_directory_labels_live_in_memory()
    {
        var store = new LabelStore(null, Real, _time);
        int changed = 0;
        store.Changed += () => changed++;
        await store.SetLabelAsync("msgbatch_1", "demo");
        Assert.Equal("demo", store.LabelOf("msgbatch_1"));
        Assert.False(store.Persistent);
        Assert.Equal(1, changed);
    }

    [Fact]
    public void A_label_is_one_short_line_and_cleaning_is_idempotent()
    {
        Assert.Equal("a b c", LabelText.Label("  a\nb\t\u001b c \r\n"));
        Assert.Null(LabelText.Label(" \n "));
        Assert.Equal("line 1\nline 2", LabelText.Note("line 1\r\nline 2\u0007  "));
        Assert.Equal("requests", LabelText.FromFile("/data/requests.jsonl"));
        Assert.Null(LabelText.FromFile("-"));
        Gen.String.Sample(s =>
        {
            string? l = LabelText.Label(s);
            if (l is null) return;
            Assert.DoesNotContain('\n', l);
            Assert.DoesNotContain(l, char.IsControl);
            Assert.True(new StringInfo(l).LengthInTextElements <= LabelText.MaxLabel);
            Assert.Equal(l, LabelText.Label(l));
            string? n = LabelText.Note(s);
            Assert.True(n is null || (n.Length <= LabelText.MaxNote && n == LabelText.Note(n)));
        });
    }
}
