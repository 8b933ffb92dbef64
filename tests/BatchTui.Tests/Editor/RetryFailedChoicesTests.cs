
using BatchTui.Core.Api;
using BatchTui.Core.Results.Store;
using BatchTui.Core.State;
using BatchTui.Tests.Results;
using BatchTui.Tests.Support;
using BatchTui.Tui.Editor;
using System.Text.Json;
using Terminal.Gui.Input;
using static BatchTui.Tests.Editor.RetryFixtures;

namespace BatchTui.Tests.Editor;

/// <summary>
/// R in the results browser beyond the happy path, in the whole app against the simulator: new custom_ids chosen
/// with F7, a batch this machine never submitted (explained, nothing sent), and read-only mode.
/// </summary>
public sealed class RetryFailedChoicesTests
{
    private const int Requests = 80;

    private static List<BatchRequestItem> Items(string prefix) => Enumerable.Range(1, Requests).Select(i => new BatchRequestItem(
        $"{prefix}-{i:000}",
        JsonDocument.Parse($$$"""{"model":"claude-haiku-4-5","max_tokens":16,"messages":[{"role":"user","content":"Classify {{{i}}}"}]}""").RootElement)).ToList();

    /// <summary>An ended batch of <see cref="Requests"/> requests, created through the API, and its failed custom_ids.</summary>
    private static async Task<(MessageBatch Batch, List<string> Failed)> EndedBatch(World w, List<BatchRequestItem> items)
    {
        MessageBatch batch = await w.Api.CreateAsync(new BatchCreateRequest(items));
        w.Time.Advance(TimeSpan.FromMinutes(11));
        List<string> failed = (await ResultTypes(w.Api, batch.Id)).Where(r => r.Type != "succeeded").Select(r => r.Id).ToList();
        Assert.NotEmpty(failed); // the simulator errs on about 5% of created requests (seeded)
        Assert.True(failed.Count < Requests);
        return (batch, failed);
    }

    [Fact]
    public async Task F7_gives_the_retry_new_custom_ids_and_the_new_batch_holds_them_with_the_original_params()
    {
        using var dir = new TempFolder();
        await using World w = await World.StartAsync(seedWorld: false);
        EditorStores stores = EditorStores.At(Path.Combine(dir.Path, "state"), w.Time);
        List<BatchRequestItem> items = Items("case");
        var (batch, failed) = await EndedBatch(w, items);
        // As an earlier run of batchtui that submitted it would have left it.
        await stores.Journal.RecordAsync(batch.Id, items, w.Api.BaseUrl);

        using var t = TuiDriver.Start(w.Api, w.Time, 120, 40, factories: Wired(stores, new ResultsStore(Path.Combine(dir.Path, "cache"), w.Time)));
        OpenResults(t);
        t.Press(Key.R.WithShift);
        var retry = Assert.IsType<RequestEditorPane>(t.Shell.Top);
        t.Until(() => retry.WhenIdle().IsCompleted && !retry.NoticeText.StartsWith("looking up", StringComparison.Ordinal), "the retry plan");
        t.ExpectLine($"{failed.Count} failed requests of {batch.Id} ready to retry (from the journal) · F7 ids: same");
        Assert.Equal(failed.Order(), CustomIds(retry).Order());

        t.Press(Key.F7).Until(() => retry.WhenIdle().IsCompleted, "revalidation").ExpectLine("custom_ids: with a -retryN suffix · F7 toggles");
        List<string> renamed = failed.Select(id => id + "-retry1").ToList();
        Assert.Equal(renamed.Order(), CustomIds(retry).Order());

        t.Press(Key.S.WithCtrl).ExpectLine($"requests: {failed.Count}")
         .Press("y").Until(() => t.Shell.Top is not RequestEditorPane, "the retry editor closing");
        MessageBatch again = (await w.AllBatchesAsync()).First();
        Assert.NotEqual(batch.Id, again.Id);
        Assert.Equal(failed.Count, again.Counts.Total);
        Assert.Equal(again.Id, t.Pane.Model.State.SelectedId);

        // Same params as the originals, under the new ids: the journal holds exactly what was sent.
        JournalEntry? sent = await stores.Journal.TryLoadAsync(again.Id);
        Assert.NotNull(sent);
        var original = items.ToDictionary(i => i.CustomId, i => i.Params.GetRawText());
        Assert.All(sent.Requests, r => Assert.Equal(original[r.CustomId[..^"-retry1".Length]], r.Params.GetRawText()));
        w.Time.Advance(TimeSpan.FromMinutes(11));
        Assert.Equal(renamed.Order(), (await ResultTypes(w.Api, again.Id)).Select(r => r.Id).Order());
    }

    [Fact]
    public async Task A_batch_submitted_elsewhere_is_explained_and_nothing_is_sent()
    {
        using var dir = new TempFolder();
        await using World w = await World.StartAsync(seedWorld: false);
        EditorStores stores = EditorStores.At(Path.Combine(dir.Path, "state"), w.Time);
        var (batch, _) = await EndedBatch(w, Items("other"));

        using var t = TuiDriver.Start(w.Api, w.Time, 160, 40, factories: Wired(stores, new ResultsStore(Path.Combine(dir.Path, "cache"), w.Time)));
        OpenResults(t);
        t.Press(Key.R.WithShift);
        var retry = Assert.IsType<RequestEditorPane>(t.Shell.Top);
        t.Until(() => retry.WhenIdle().IsCompleted && !retry.NoticeText.StartsWith("looking up", StringComparison.Ordinal), "the retry plan");
        Assert.StartsWith($"batch {batch.Id} was not submitted by batchtui on this machine, so its requests are not known locally", retry.NoticeText);
        Assert.EndsWith("point at the original requests file to retry its failed requests · Ctrl+O original file", retry.NoticeText);
        t.ExpectLine($"batch {batch.Id} was not submitted by batchtui on this machine");
        Assert.Equal("", retry.Raw.Text.Value);

        t.Press(Key.S.WithCtrl).ExpectFlash("not sent: 1 error, see Problems");
        Assert.Single(await w.AllBatchesAsync());
    }

    [Fact]
    public async Task Read_only_mode_turns_retry_failed_off_and_says_so()
    {
        using var dir = new TempFolder();
        await using World w = await World.StartAsync(seedWorld: false);
        EditorStores stores = EditorStores.At(Path.Combine(dir.Path, "state"), w.Time);
        List<BatchRequestItem> items = Items("ro");
        var (batch, _) = await EndedBatch(w, items);
        await stores.Journal.RecordAsync(batch.Id, items, w.Api.BaseUrl);

        using var t = TuiDriver.Start(w.Api, w.Time, 120, 40, readOnly: true, factories: Wired(stores, new ResultsStore(Path.Combine(dir.Path, "cache"), w.Time)));
        var results = OpenResults(t);
        t.Press(Key.R.WithShift).ExpectLine("read-only: \"retry failed\" is turned off");
        Assert.Same(results, t.Shell.Top);
    }
}
