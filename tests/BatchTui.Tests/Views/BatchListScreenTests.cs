using BatchTui.Core.Api;
using BatchTui.Tests.Support;
using BatchTui.Tui.Batches;
using Terminal.Gui.Input;

namespace BatchTui.Tests.Views;

/// <summary>The first screen as a user meets it, driven through the headless terminal with real keys.</summary>
public class BatchListScreenTests
{
    [Theory]
    [InlineData(100, 30)]
    [InlineData(80, 24)]
    public async Task First_screen_shows_the_newest_batches_with_the_first_selected(int cols, int rows)
    {
        await using World w = await World.StartAsync();
        using var t = TuiDriver.Start(w.Api, w.Time, cols, rows);
        MessageBatch newest = (await w.AllBatchesAsync())[0];
        // At 80 columns the header drops its labels to keep the refresh state.
        t.ExpectHeader(cols >= 100 ? "profile default" : " default ").ExpectHeader("[simulator]").ExpectHeader("09:00:00 UTC")
         .ExpectHeader("refresh in 5s")
         .ExpectLine("Batches · page 1")
         .ExpectSelected(newest.Id)
         .ExpectLine($"id         {newest.Id}")
         .ExpectLine("j/k move").ExpectLine("? help  q quit")
         .Snapshot($"first_screen_{cols}x{rows}");
    }

    [Fact]
    public async Task Vi_keys_and_arrows_move_the_selection_and_the_detail_follows()
    {
        await using World w = await World.StartAsync();
        using var t = TuiDriver.Start(w.Api, w.Time, pageSize: 10);
        IReadOnlyList<MessageBatch> page = t.Pane.Model.State.Visible;
        t.Press("jj").ExpectSelected(page[2].Id).ExpectLine($"Detail · {page[2].Id}")
         .Press(Key.CursorUp).ExpectSelected(page[1].Id)
         .Press("G").ExpectSelected(page[^1].Id)
         .Press("g").ExpectSelected(page[0].Id)
         .Press(Key.End).ExpectSelected(page[^1].Id)
         .Press(Key.Home).ExpectSelected(page[0].Id);
    }

    [Fact]
    public async Task Paging_goes_to_older_and_back_to_newer_with_a_page_indicator()
    {
        await using World w = await World.StartAsync();
        List<MessageBatch> all = await w.AllBatchesAsync();
        using var t = TuiDriver.Start(w.Api, w.Time, pageSize: 10);
        t.ExpectLine("Batches · page 1 · 10 · older →")
         .Press(Key.CursorRight).ExpectLine("Batches · page 2 · 10 · ← newer · older →").ExpectSelected(all[10].Id)
         .Press("l").ExpectLine("page 3").ExpectSelected(all[20].Id)
         .Press(Key.CursorLeft).ExpectLine("page 2").ExpectSelected(all[10].Id)
         .Press("H").ExpectLine("Batches · page 1 · 10 · older →").ExpectSelected(all[0].Id)
         .Press(Key.CursorLeft).ExpectFlash("this is the newest page");
    }

    [Fact]
    public async Task Filter_by_status_is_typed_after_slash_and_survives_paging_and_refresh()
    {
        await using World w = await World.StartAsync();
        using var t = TuiDriver.Start(w.Api, w.Time, pageSize: 20);
        t.Press("/").Type("ended").Press(Key.Enter);
        AssertOnlyStatus(t, "ended");
        t.ExpectLine("status:ended").Snapshot("filter_ended_100x30");
        t.Press(Key.CursorRight).ExpectLine("page 2 · status:ended");
        AssertOnlyStatus(t, "ended");
        t.Advance(TimeSpan.FromSeconds(6)).ExpectLine("page 2 · status:ended");
        AssertOnlyStatus(t, "ended");
        t.Press(Key.Esc).ExpectNoLine("status:ended");
    }

    [Fact]
    public async Task Help_overlay_is_generated_from_the_key_actions()
    {
        await using World w = await World.StartAsync();
        using var t = TuiDriver.Start(w.Api, w.Time);
        t.Press("?").ExpectLine("Help: Batches")
         .ExpectLine("cancel the batch (asks first)").ExpectLine("next (older) page").ExpectLine("jump to a batch id")
         .Snapshot("help_100x30")
         .Press(Key.Esc).ExpectLine("Batches · page 1");
        t.Press("?").Press("?").ExpectLine("Batches · page 1");
    }

    [Fact]
    public async Task Cancel_asks_naming_the_id_and_then_the_batch_is_canceling()
    {
        await using World w = await World.StartAsync();
        using var t = TuiDriver.Start(w.Api, w.Time);
        MessageBatch running = t.Pane.Model.State.Visible.First(b => b.Status == BatchStatus.InProgress);
        SelectId(t, running.Id);
        t.Press("c").ExpectLine($"Cancel {running.Id}?").ExpectLine("[y] yes").Snapshot("cancel_confirm_100x30")
         .Press("n").ExpectNoLine($"Cancel {running.Id}?");
        Assert.Equal(BatchStatus.InProgress, t.Pane.Model.State.Selected!.Status);
        t.Press("c", "y").ExpectFlash($"cancel requested: {running.Id} is canceling");
        Assert.Equal(BatchStatus.Canceling, t.Pane.Model.State.Selected!.Status);
        Assert.Equal(BatchStatus.Canceling, (await w.Api.GetAsync(running.Id)).Status);
    }

    [Fact]
    public async Task Cancel_of_an_ended_batch_says_why_and_sends_nothing()
    {
        await using World w = await World.StartAsync();
        using var t = TuiDriver.Start(w.Api, w.Time);
        MessageBatch ended = t.Pane.Model.State.Visible.First(b => b.Status == BatchStatus.Ended);
        SelectId(t, ended.Id);
        t.Press("c").ExpectFlash($"{ended.Id} has ended: only a batch in progress can be canceled").ExpectNoLine("[y] yes");
        Assert.False(t.Shell.ConfirmOpen);
    }

    [Fact]
    public async Task Delete_of_an_ended_batch_asks_and_removes_it()
    {
        await using World w = await World.StartAsync();
        using var t = TuiDriver.Start(w.Api, w.Time);
        MessageBatch ended = t.Pane.Model.State.Visible.First(b => b.Status == BatchStatus.Ended);
        SelectId(t, ended.Id);
        t.Press("d").ExpectLine($"Delete {ended.Id}?").Press("y").ExpectFlash($"deleted {ended.Id}")
         .ExpectNoLine("│  " + ended.Id).ExpectNoLine("│▶ " + ended.Id);
        Assert.DoesNotContain(await w.AllBatchesAsync(), b => b.Id == ended.Id);
    }

    [Fact]
    public async Task Read_only_removes_cancel_delete_and_new()
    {
        await using World w = await World.StartAsync();
        using var t = TuiDriver.Start(w.Api, w.Time, readOnly: true);
        t.ExpectHeader("[read-only]").ExpectNoLine("c cancel").ExpectNoLine("d delete").ExpectNoLine("n new");
        MessageBatch running = t.Pane.Model.State.Visible.First(b => b.Status == BatchStatus.InProgress);
        SelectId(t, running.Id);
        t.Press("c").ExpectFlash("read-only: \"cancel\" is turned off (started with --read-only)");
        t.Press("d").Press("n");
        Assert.False(t.Shell.ConfirmOpen);
        Assert.Equal(BatchStatus.InProgress, (await w.Api.GetAsync(running.Id)).Status);
        t.Press("?").ExpectLine("read-only mode: cancel, delete and new are not available").ExpectNoLine("cancel the batch");
    }

    [Fact]
    public async Task A_terminal_below_80x24_says_so_and_recovers_on_resize()
    {
        await using World w = await World.StartAsync();
        using var t = TuiDriver.Start(w.Api, w.Time);
        t.Resize(70, 20).ExpectLine("terminal too small (need 80x24, have 70x20)").ExpectNoLine("Batches · page")
         .Resize(80, 24).ExpectLine("Batches · page 1").ExpectNoLine("terminal too small");
    }

    [Fact]
    public async Task The_header_keeps_a_space_before_the_refresh_state_at_every_width()
    {
        await using World w = await World.StartAsync();
        using var t = TuiDriver.Start(w.Api, w.Time, 80, 24);
        t.Press("p");
        for (int width = 80; width <= 120; width++)
        {
            string header = t.Resize(width, 24).Lines()[0];
            Assert.Contains(" auto-refresh paused  ", header);
            Assert.EndsWith("09:00:00 UTC ", header);
        }
    }

    [Fact]
    public async Task Wide_terminals_put_list_and_detail_side_by_side()
    {
        await using World w = await World.StartAsync();
        using var t = TuiDriver.Start(w.Api, w.Time, 160, 40);
        string[] lines = t.Lines();
        Assert.Contains("Batches · page 1", lines[1]);
        Assert.Contains("Detail", lines[1]);
        t.Snapshot("side_by_side_160x40");
    }

    [Fact]
    public async Task Colon_jumps_to_a_batch_id_on_another_page()
    {
        await using World w = await World.StartAsync();
        List<MessageBatch> all = await w.AllBatchesAsync();
        using var t = TuiDriver.Start(w.Api, w.Time, pageSize: 10);
        MessageBatch far = all[^3];
        t.Press(":").Type(far.Id).Press(Key.Enter).ExpectSelected(far.Id).ExpectLine("page ?");
        t.Press(":").Type("msgbatch_nope").Press(Key.Enter).ExpectFlash("404 not_found_error");
        Assert.Equal(far.Id, t.Pane.Model.State.SelectedId);
    }

    [Fact]
    public async Task Clicking_a_row_selects_it()
    {
        await using World w = await World.StartAsync();
        using var t = TuiDriver.Start(w.Api, w.Time);
        IReadOnlyList<MessageBatch> page = t.Pane.Model.State.Visible;
        // Row 0 header line, row 1 frame top, row 2 column header, row 3 the first batch.
        t.Click(10, 6).ExpectSelected(page[3].Id);
    }

    [Fact]
    public async Task Raw_json_opens_on_v_and_esc_goes_back()
    {
        await using World w = await World.StartAsync();
        using var t = TuiDriver.Start(w.Api, w.Time);
        string id = t.Pane.Model.State.SelectedId!;
        t.Press("v").ExpectLine($"{id} · raw JSON").ExpectLine($"\"id\": \"{id}\"").ExpectLine("Esc back")
         .Press(Key.Esc).ExpectLine("Batches · page 1");
    }

    [Fact]
    public async Task A_failed_first_load_says_so_and_r_loads_the_list()
    {
        await using World w = await World.StartAsync();
        w.Sim.Chaos.FailNext(1, 529);
        using var t = TuiDriver.Start(w.Api, w.Time);
        t.ExpectLine("could not load the batches (529 overloaded_error): r tries again")
         .ExpectFlash("529 overloaded_error")
         .ExpectNoLine("no batches yet");
        MessageBatch newest = (await w.AllBatchesAsync())[0];
        t.Press("r").ExpectSelected(newest.Id);
    }

    [Fact]
    public async Task Results_and_editor_hooks_say_when_they_are_not_available()
    {
        await using World w = await World.StartAsync();
        using var t = TuiDriver.Start(w.Api, w.Time);
        MessageBatch ended = t.Pane.Model.State.Visible.First(b => b.Status == BatchStatus.Ended && b.ArchivedAt is null);
        SelectId(t, ended.Id);
        t.Press(Key.Enter).ExpectFlash("results browser not available");
        t.Press("n").ExpectFlash("request editor not available");
        MessageBatch running = t.Pane.Model.State.Visible.First(b => b.Status == BatchStatus.InProgress);
        SelectId(t, running.Id);
        t.Press("o").ExpectFlash($"results of {running.Id} are available once it has ended");
    }

    private static void SelectId(TuiDriver t, string id)
    {
        int index = t.Pane.Model.State.Visible.ToList().FindIndex(b => b.Id == id);
        Assert.True(index >= 0, $"{id} is not on the page");
        t.Press("g");
        for (int i = 0; i < index; i++) t.Press("j");
        t.ExpectSelected(id);
    }

    private static void AssertOnlyStatus(TuiDriver t, string status)
    {
        var rows = t.Lines().Where(l => l.Contains("msgbatch_", StringComparison.Ordinal) && l.StartsWith("│", StringComparison.Ordinal) && !l.Contains("id    ", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(rows);
        Assert.All(t.Pane.Model.State.Visible, b => Assert.Equal(status, b.Status.ToWire()));
        Assert.All(rows.Where(r => r.Contains(BatchRowRenderer.UnselectedMarker + "msgbatch_") || r.Contains(BatchRowRenderer.SelectedMarker)),
            r => Assert.Contains(status, r));
    }
}
