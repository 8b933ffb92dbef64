using BatchTui.Core.Api;
using BatchTui.Core.Labels;
using BatchTui.Core.Results.Store;
using BatchTui.Core.State;
using BatchTui.Tests.Results;
using BatchTui.Tests.Support;
using BatchTui.Tui.Batches;
using BatchTui.Tui.Shell;
using Terminal.Gui.Input;

namespace BatchTui.Tests.Views;

/// <summary>Labels and notes on batches (L, N), the LABEL column, the detail, / on labels, and C (cache now).</summary>
public sealed class BatchLabelScreenTests
{
    private static string RowOf(TuiDriver t, string id) =>
        // The list row shows the id without its prefix at 80 columns; the detail and its title show it whole.
        t.Lines().Single(l => l.Contains(BatchRowRenderer.ShortId(id, 24), StringComparison.Ordinal) && !l.Contains(id, StringComparison.Ordinal));

    [Fact]
    public async Task L_labels_the_selected_batch_and_the_list_grows_a_label_column_at_80x24()
    {
        await using World w = await World.StartAsync();
        using var dir = new TempFolder();
        var labels = LabelStore.Open(dir.Path, CacheScope.Of(w.Api), w.Time);
        using var t = TuiDriver.Start(w.Api, w.Time, 80, 24, factories: new PaneFactories(Labels: labels));
        MessageBatch second = t.Pane.Model.State.Visible[1];
        t.ExpectNoLine("LABEL")
         .Press("j", "L").ExpectLine("label: ")
         .Type("nightly eval").Press(Key.Enter)
         .ExpectFlash($"labelled {second.Id}: nightly eval")
         .ExpectLine("LABEL")
         .ExpectLine("label      nightly eval"); // the detail, under the id
        string row = RowOf(t, second.Id);
        Assert.Contains("night…", row); // 6 columns at 80: the bar gave way, the id is whole
        Assert.Contains(BatchRowRenderer.ShortId(second.Id, 24), row);
        t.Snapshot("labels_column_80x24");
        // Kept on disk for this API origin: a fresh store (another run) reads it.
        Assert.Equal("nightly eval", LabelStore.Open(dir.Path, CacheScope.Of(w.Api)).LabelOf(second.Id));
    }

    [Fact]
    public async Task N_sets_a_note_the_detail_shows_line_by_line_and_an_empty_answer_clears_it()
    {
        await using World w = await World.StartAsync();
        using var t = TuiDriver.Start(w.Api, w.Time, 120, 35);
        MessageBatch first = t.Pane.Model.State.Visible[0];
        t.Press("N").ExpectLine("note (¶ = new line): ")
         .Type("prompt v2 ¶ rerun of the failed ones").Press(Key.Enter)
         .ExpectFlash($"note saved on {first.Id}")
         .ExpectLine("note       prompt v2")
         .ExpectLine("           rerun of the failed ones");
        Assert.Equal("prompt v2\nrerun of the failed ones", t.Pane.Labels.Get(first.Id)!.Note);
        // The prompt offers the note back (line breaks as ¶); emptied, it clears.
        t.Press("N").ExpectLine("prompt v2 ¶ rerun of the failed ones");
        for (int i = 0; i < 40; i++) t.Press(Key.Backspace);
        t.Press(Key.Enter).ExpectFlash($"note of {first.Id} cleared").ExpectNoLine("rerun of the failed ones");
    }

    [Fact]
    public async Task Slash_matches_labels_as_well_as_ids()
    {
        await using World w = await World.StartAsync();
        using var t = TuiDriver.Start(w.Api, w.Time, 80, 24, pageSize: 20);
        IReadOnlyList<MessageBatch> page = t.Pane.Model.State.Visible;
        await t.Pane.Labels.SetLabelAsync(page[3].Id, "Nightly eval");
        await t.Pane.Labels.SetLabelAsync(page[7].Id, "nightly eval, again");
        await t.Pane.Labels.SetLabelAsync(page[9].Id, "weekly");
        t.Settle();
        t.Press("/").Type("NIGHTLY").Press(Key.Enter)
         .ExpectLine("id/label~\"NIGHTLY\": 2 of 20");
        Assert.Equal([page[3].Id, page[7].Id], t.Pane.Model.State.Visible.Select(b => b.Id));
        // Relabelled while filtered: the filter follows the labels.
        await t.Pane.Labels.SetLabelAsync(page[9].Id, "nightly too");
        t.Settle().ExpectLine("3 of 20");
    }

    [Fact]
    public async Task Labels_are_local_so_they_work_in_read_only_mode()
    {
        await using World w = await World.StartAsync();
        using var t = TuiDriver.Start(w.Api, w.Time, 80, 24, readOnly: true);
        MessageBatch first = t.Pane.Model.State.Visible[0];
        t.Press("c").ExpectFlash("read-only"); // the server-side action stays off
        t.Press("L").Type("reviewed").Press(Key.Enter)
         .ExpectFlash($"labelled {first.Id}: reviewed").ExpectLine("reviewed");
        Assert.Equal("reviewed", t.Pane.Labels.LabelOf(first.Id));
    }

    [Fact]
    public async Task A_label_another_process_wrote_shows_after_the_next_refresh()
    {
        await using World w = await World.StartAsync();
        using var dir = new TempFolder();
        using var t = TuiDriver.Start(w.Api, w.Time, 80, 24, factories: new PaneFactories(Labels: LabelStore.Open(dir.Path, CacheScope.Of(w.Api), w.Time)));
        MessageBatch first = t.Pane.Model.State.Visible[0];
        await LabelStore.Open(dir.Path, CacheScope.Of(w.Api)).SetLabelAsync(first.Id, "from the cli");
        t.ExpectNoLine("from the cli")
         .Advance(TimeSpan.FromSeconds(6)).ExpectLine("label      from the cli");
    }

    [Fact]
    public async Task A_label_hostile_text_in_the_file_is_shown_not_obeyed()
    {
        await using World w = await World.StartAsync();
        using var t = TuiDriver.Start(w.Api, w.Time, 80, 24);
        MessageBatch first = t.Pane.Model.State.Visible[0];
        await t.Pane.Labels.SetNoteAsync(first.Id, "bell\u0007 and \u001b]0;title\u0007 \u202Eevil");
        t.Settle();
        string screen = t.Screen();
        Assert.True(Core.Text.UntrustedText.IsInert(screen, allowNewlines: true));
        t.ExpectLine("note       bell");
    }

    [Fact]
    public void The_label_column_takes_room_from_the_bar_and_is_dropped_before_the_id_is_cut()
    {
        var at80 = new BatchRowRenderer(78, labels: true);
        Assert.Equal((24, 6, 0), (at80.IdWidth, at80.LabelWidth, at80.BarWidth));
        var at120 = new BatchRowRenderer(118, labels: true);
        Assert.Equal(33, at120.IdWidth);
        Assert.True(at120.LabelWidth >= 16 && at120.BarWidth >= 6, $"label {at120.LabelWidth}, bar {at120.BarWidth}");
        // Side by side at 170 columns: no room for the whole prefix, so none (no blank id columns), the label gets them.
        var side = new BatchRowRenderer(98, labels: true);
        Assert.Equal(24, side.IdWidth);
        Assert.Equal(98 - 47, side.IdWidth + 1 + side.LabelWidth + side.BarWidth);
        // Too narrow for a label beside the id's distinctive part: no column, the layout as without labels.
        var narrow = new BatchRowRenderer(74, labels: true);
        Assert.Equal(0, narrow.LabelWidth);
        Assert.Equal(new BatchRowRenderer(74).IdWidth, narrow.IdWidth);
        foreach (int width in new[] { 60, 78, 90, 118, 160, 220 })
        {
            var r = new BatchRowRenderer(width, labels: true);
            Assert.True(r.LabelWidth == 0 || r.IdWidth >= 24, $"{width}: id {r.IdWidth} cut for a label");
        }
    }

    [Fact]
    public async Task A_batch_the_editor_submits_is_labelled_with_its_requests_file_name()
    {
        await using World w = await World.StartAsync();
        using var dir = new TempFolder();
        var journal = new SubmissionJournal(Path.Combine(dir.Path, "journal"), w.Time);
        MessageBatch? made = null;
        // The editor's contract with the list: it journals the batch (with the file it imported), then calls created.
        var factories = new PaneFactories(
            Editor: (shell, api, created) => new SubmitOnX(async () =>
            {
                made = await w.CreateBatchAsync(2);
                await journal.RecordAsync(made.Id, [], api.BaseUrl, "/home/u/evals/summaries-v2.jsonl");
                shell.Pop();
                created(made);
            }),
            SourceOf: journal.SourceFileOf);
        using var t = TuiDriver.Start(w.Api, w.Time, 80, 24, factories: factories);
        t.Press("n", "x").Until(() => made is not null && t.Pane.Labels.LabelOf(made.Id) is not null, "the new batch labelled");
        t.ExpectLine("label      summaries-v2");
        Assert.Equal(made!.Id, t.Pane.Model.State.SelectedId);
    }

    private sealed class SubmitOnX(Func<Task> submit) : IPane
    {
        public string Title => "stub editor";
        public Terminal.Gui.ViewBase.View View { get; } = new() { CanFocus = true };
        public IReadOnlyList<KeyAction> Actions => [new KeyAction(Key.X, "submit", () => submit().GetAwaiter().GetResult())];
    }

    [Fact]
    public async Task Shift_C_caches_an_ended_batch_near_archiving_and_its_warning_goes()
    {
        await using World w = await World.StartAsync(seedWorld: false);
        MessageBatch created = await w.CreateBatchAsync(4);
        w.Time.Advance(TimeSpan.FromDays(26) + TimeSpan.FromHours(1)); // ended long ago; archived in 2d 23h
        using var dir = new TempFolder();
        var store = new ResultsStore(dir.Path, w.Time);
        var scope = CacheScope.Of(w.Api);
        var factories = new PaneFactories(
            IsCached: b => store.TryGetCurrent(scope, b) is not null,
            CacheResults: (b, progress, ct) => store.GetAsync(scope, w.Api, b, progress, ct));
        using var t = TuiDriver.Start(w.Api, w.Time, 80, 24, factories: factories);
        t.ExpectLine("archive in 2d");
        t.Press("C").ExpectFlash($"results of {created.Id} cached (4 requests)").ExpectNoLine("archive in");
        Assert.True(store.IsCached(scope, created.Id));
        t.Press("C").ExpectFlash("already cached");
    }
}
