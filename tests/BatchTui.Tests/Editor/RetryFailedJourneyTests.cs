
using BatchTui.Core.Api;
using BatchTui.Core.Results.Store;
using BatchTui.Core.State;
using BatchTui.Tests.Results;
using BatchTui.Tests.Support;
using BatchTui.Tui.Batches;
using BatchTui.Tui.Editor;
using BatchTui.Tui.Results;
using BatchTui.Tui.Shell;
using System.Text.Json;
using Terminal.Gui.Input;
using static BatchTui.Tests.Editor.RetryFixtures;

namespace BatchTui.Tests.Editor;

/// <summary>
/// The whole journey in the real app against the simulator: compose → submit → the batch appears selected → it
/// ends → results → R → the new editor holds exactly the failed custom_ids → submit → the new batch holds them.
/// </summary>
public sealed class RetryFailedJourneyTests
{
    private const int Requests = 80;

    private static string Jsonl(IEnumerable<string> ids) => string.Join("\n", ids.Select(id =>
        $$$"""{"custom_id":"{{{id}}}","params":{"model":"claude-haiku-4-5","max_tokens":32,"messages":[{"role":"user","content":"Label item {{{id}}}"}]}}"""));

    [Fact]
    public async Task Compose_submit_end_browse_and_retry_exactly_the_failed_requests()
    {
        using var dir = new TempFolder();
        await using World w = await World.StartAsync(seedWorld: false);
        EditorStores stores = EditorStores.At(Path.Combine(dir.Path, "state"), w.Time);
        var cache = new ResultsStore(Path.Combine(dir.Path, "cache"), w.Time);
        using var t = TuiDriver.Start(w.Api, w.Time, 120, 40, factories: Wired(stores, cache));

        // Compose in the raw editor and submit; the shell's confirmation shows the preview.
        t.Press("n");
        var editor = Assert.IsType<RequestEditorPane>(t.Shell.Top);
        t.Press(Key.F4);
        editor.Raw.Text.Value = Jsonl(Enumerable.Range(1, Requests).Select(i => $"item-{i:000}"));
        t.Press(Key.F2).Until(() => editor.WhenIdle().IsCompleted, "validation").ExpectLine($"{Requests} requests");
        t.Press(Key.S.WithCtrl).ExpectLine("requests: 80").ExpectLine("claude-haiku-4-5 ×80").ExpectLine("[y] yes")
         .Press("y").Until(() => t.Shell.Top is BatchesPane, "the editor closing after the batch was created");
        MessageBatch created = (await w.AllBatchesAsync()).Single();
        t.ExpectSelected(created.Id).ExpectFlash($"created {created.Id}");
        Assert.True(stores.Journal.Contains(created.Id));

        // It ends (the simulator's batches take 10 minutes on the fake clock); r shows it.
        w.Time.Advance(TimeSpan.FromMinutes(11));
        t.Press("r").ExpectLine("status     ended");
        List<string> failed = (await ResultTypes(w.Api, created.Id)).Where(r => r.Type != "succeeded").Select(r => r.Id).ToList();
        Assert.NotEmpty(failed); // the simulator errs on about 5% of created requests (seeded)

        // Results, then R: the editor opens on a new batch of exactly the failed requests, for review.
        ResultsPane results = OpenResults(t);
        Assert.Equal(failed.Order(), results.FailedCustomIds().Order());
        t.Press(Key.R.WithShift);
        var retry = Assert.IsType<RequestEditorPane>(t.Shell.Top);
        t.Until(() => retry.WhenIdle().IsCompleted && !retry.NoticeText.StartsWith("looking up", StringComparison.Ordinal), "the retry plan");
        Assert.Equal(failed.Order(), CustomIds(retry).Order());

        // Submit the retry: the new batch is selected in the list and holds exactly those requests.
        t.Press(Key.S.WithCtrl).ExpectLine($"requests: {failed.Count}")
         .Press("y").Until(() => t.Shell.Top is not RequestEditorPane, "the retry editor closing");
        MessageBatch again = (await w.AllBatchesAsync()).First();
        Assert.NotEqual(created.Id, again.Id);
        Assert.Equal(failed.Count, again.Counts.Total);
        Assert.Equal(again.Id, t.Pane.Model.State.SelectedId);
        JournalEntry? journalled = await stores.Journal.TryLoadAsync(again.Id);
        Assert.Equal(failed.Order(), journalled!.Requests.Select(r => r.CustomId).Order());
        w.Time.Advance(TimeSpan.FromMinutes(11));
        Assert.Equal(failed.Order(), (await ResultTypes(w.Api, again.Id)).Select(r => r.Id).Order());
    }

    [Fact]
    public async Task A_refusal_from_the_api_shows_its_message_and_keeps_what_was_typed()
    {
        using var dir = new TempFolder();
        await using World w = await World.StartAsync(seedWorld: false);
        EditorStores stores = EditorStores.At(Path.Combine(dir.Path, "state"), w.Time);
        var panes = new PaneFactories(Editor: (shell, api, created) => RequestEditorPane.Create(shell, api, stores, onSubmitted: created));
        using var t = TuiDriver.Start(w.Api, w.Time, 120, 40, factories: panes);
        t.Press("n", Key.F4);
        var editor = Assert.IsType<RequestEditorPane>(t.Shell.Top);
        string text = Jsonl(["keep-1", "keep-2"]);
        editor.Raw.Text.Value = text;

        w.Sim.Chaos.FailNext(1, 400);
        t.Press(Key.S.WithCtrl).Press("y")
         .Until(() => editor.WhenIdle().IsCompleted && editor.ProblemLines.Count > 0, "the refusal");
        t.ExpectLine("not sent: 400 invalid_request_error").ExpectLine("nothing was lost");
        Assert.Same(editor, t.Shell.Top);
        Assert.Equal(text, editor.Raw.Text.Value);
        Assert.Empty(await w.AllBatchesAsync());

        // Submitting again once the API answers creates it.
        t.Press(Key.S.WithCtrl).Press("y").Until(() => t.Shell.Top is BatchesPane, "the batch created");
        Assert.Equal(2, (await w.AllBatchesAsync()).Single().Counts.Total);
    }
}
