using BatchTui.Core.Api;
using BatchTui.Tests.Support;
using Terminal.Gui.Input;
using static BatchTui.Tests.Support.Matchers;

namespace BatchTui.Tests.Views;

/// <summary>The first screen as a user meets it, driven through the headless terminal with real keys.</summary>
public class BatchListScreenTests
{
    [Theory]
    [InlineData(100, 30)]
    [InlineData(80, 24)]
    public async Task First_screen_shows_the_newest_batches_with_the_first_selected(int cols, int rows)
    {
        await using Story t = await Story.StartAsync(cols, rows);
        List<MessageBatch> all = await t.World.AllBatchesAsync();
        MessageBatch newest = all[0];
        // At 80 columns the header drops its labels to keep the refresh state.
        t.Header().Contains(cols >= 100 ? "profile default" : " default ").Contains("[simulator]").Contains("09:00:00 UTC")
         .Contains("refresh in 5s");
        t.Batches().Title(Contains("Batches · page 1"))
         .TopLines(Contains(newest.Id).IsSelected(), Contains(all[1].Id), Contains(all[2].Id))
         .Detail().Contains($"id         {newest.Id}");
        t.Hints().Contains("j/k move").Contains("? help  q quit");
        t.Snapshot($"first_screen_{cols}x{rows}");
    }

    [Fact]
    public async Task Vi_keys_and_arrows_move_the_selection_and_the_detail_follows()
    {
        await using Story t = await Story.StartAsync(pageSize: 10);
        List<MessageBatch> page = (await t.World.AllBatchesAsync()).Take(10).ToList();
        t.Press("jj").Batches().SelectedLine(Contains(page[2].Id)).Detail().Title(Contains($"Detail · {page[2].Id}"));
        t.Press(Key.CursorUp).Batches().SelectedLine(Contains(page[1].Id));
        t.Press("G").Batches().SelectedLine(Contains(page[^1].Id));
        t.Press("g").Batches().SelectedLine(Contains(page[0].Id));
        t.Press(Key.End).Batches().SelectedLine(Contains(page[^1].Id));
        t.Press(Key.Home).Batches().SelectedLine(Contains(page[0].Id));
    }

    [Fact]
    public async Task Paging_goes_to_older_and_back_to_newer_with_a_page_indicator()
    {
        await using Story t = await Story.StartAsync(pageSize: 10);
        List<MessageBatch> all = await t.World.AllBatchesAsync();
        t.Batches().Title(Contains("Batches · page 1 · 10 · older →"));
        t.Press(Key.CursorRight).Batches().Title(Contains("Batches · page 2 · 10 · ← newer · older →")).TopLines(Contains(all[10].Id).IsSelected());
        t.Press("l").Batches().Title(Contains("page 3")).TopLines(Contains(all[20].Id).IsSelected());
        t.Press(Key.CursorLeft).Batches().Title(Contains("page 2")).TopLines(Contains(all[10].Id).IsSelected());
        t.Press("H").Batches().Title(Contains("Batches · page 1 · 10 · older →")).TopLines(Contains(all[0].Id).IsSelected());
        t.Press(Key.CursorLeft).Flash().Contains("this is the newest page");
    }

    [Fact]
    public async Task Filter_by_status_is_typed_after_slash_and_survives_paging_and_refresh()
    {
        await using Story t = await Story.StartAsync(pageSize: 20);
        t.Press("/").Prompt("/").Type("ended").Enter();
        t.Batches().AllLines(Contains(" ended ")).Title(Contains("status:ended"));
        t.Snapshot("filter_ended_100x30");
        t.Press(Key.CursorRight).Batches().Title(Contains("page 2 · status:ended")).AllLines(Contains(" ended "));
        t.Wait(TimeSpan.FromSeconds(6)).Batches().Title(Contains("page 2 · status:ended")).AllLines(Contains(" ended "));
        t.Press(Key.Esc).DoesNotSee("status:ended");
    }

    [Fact]
    public async Task Help_overlay_is_generated_from_the_key_actions()
    {
        await using Story t = await Story.StartAsync();
        t.Press("?").Help().For("Batches")
         .Contains("cancel the batch (asks first)").Contains("next (older) page").Contains("jump to a batch id");
        t.Snapshot("help_100x30");
        t.Help().Close().Batches().Title(Contains("Batches · page 1"));
        t.Press("?").Press("?").Batches().Title(Contains("Batches · page 1"));
    }

    [Fact]
    public async Task Cancel_asks_naming_the_id_and_then_the_batch_is_canceling()
    {
        await using Story t = await Story.StartAsync();
        MessageBatch running = (await t.World.AllBatchesAsync()).First(b => b.Status == BatchStatus.InProgress);
        ConfirmDriver confirm = t.Batches().Select(running.Id).Press("c").Confirm()
            .Title(Contains("Cancel batch")).Content(Contains($"Cancel {running.Id}?")).Content(Contains("[y] yes"));
        t.Snapshot("cancel_confirm_100x30");
        confirm.No().DoesNotSee($"Cancel {running.Id}?");
        t.Batches().SelectedLine(Contains(running.Id).And(Contains(" in_progress ")));

        t.Press("c").Confirm().Title(Contains("Cancel batch")).Content(Contains($"Cancel {running.Id}?")).Yes()
         .Flash().Contains($"cancel requested: {running.Id} is canceling");
        t.Batches().SelectedLine(Contains(running.Id).And(Contains(" canceling ")));
        Assert.Equal(BatchStatus.Canceling, (await t.World.Api.GetAsync(running.Id)).Status);
    }

    [Fact]
    public async Task Cancel_of_an_ended_batch_says_why_and_sends_nothing()
    {
        await using Story t = await Story.StartAsync();
        MessageBatch ended = (await t.World.AllBatchesAsync()).First(b => b.Status == BatchStatus.Ended);
        t.Batches().Select(ended.Id).Press("c")
         .Flash().Contains($"{ended.Id} has ended: only a batch in progress can be canceled");
        t.DoesNotSee("[y] yes").NoConfirm();
    }

    [Fact]
    public async Task Delete_of_an_ended_batch_asks_and_removes_it()
    {
        await using Story t = await Story.StartAsync();
        MessageBatch ended = (await t.World.AllBatchesAsync()).First(b => b.Status == BatchStatus.Ended);
        t.Batches().Select(ended.Id).Press("d")
         .Confirm().Title(Contains("Delete")).Content(Contains($"Delete {ended.Id}?")).Yes()
         .Flash().Contains($"deleted {ended.Id}");
        t.Batches().DoesNotShow(Contains(ended.Id));
        Assert.DoesNotContain(await t.World.AllBatchesAsync(), b => b.Id == ended.Id);
    }

    [Fact]
    public async Task Read_only_removes_cancel_delete_and_new()
    {
        await using Story t = await Story.StartAsync(readOnly: true);
        t.Header().Contains("[read-only]");
        t.DoesNotSee("c cancel").DoesNotSee("d delete").DoesNotSee("n new");
        MessageBatch running = (await t.World.AllBatchesAsync()).First(b => b.Status == BatchStatus.InProgress);
        t.Batches().Select(running.Id).Press("c").Flash().Contains("read-only: \"cancel\" is turned off (started with --read-only)");
        t.Press("d").Press("n").NoConfirm();
        Assert.Equal(BatchStatus.InProgress, (await t.World.Api.GetAsync(running.Id)).Status);
        t.Press("?").Help().Contains("read-only mode: cancel, delete and new are not available").DoesNotContain("cancel the batch");
    }

    [Fact]
    public async Task A_terminal_below_80x24_says_so_and_recovers_on_resize()
    {
        await using Story t = await Story.StartAsync();
        t.Resize(70, 20).Sees("terminal too small (need 80x24, have 70x20)").DoesNotSee("Batches · page");
        t.Resize(80, 24).Batches().Title(Contains("Batches · page 1"));
        t.DoesNotSee("terminal too small");
    }

    [Fact]
    public async Task The_header_keeps_a_space_before_the_refresh_state_at_every_width()
    {
        await using Story t = await Story.StartAsync(80, 24);
        t.Press("p");
        for (int width = 80; width <= 120; width++)
            t.Resize(width, 24).Header().Contains(" auto-refresh paused  ").Matches(MatchesRegex("09:00:00 UTC $"));
    }

    [Fact]
    public async Task Wide_terminals_put_list_and_detail_side_by_side()
    {
        await using Story t = await Story.StartAsync(160, 40);
        t.Batches().Title(Contains("Batches · page 1")).Detail().Title(Contains("Detail"));
        IReadOnlyList<string> lines = t.Lines();
        Assert.Contains("Batches · page 1", lines[1]);
        Assert.Contains("Detail", lines[1]);
        t.Snapshot("side_by_side_160x40");
    }

    [Fact]
    public async Task Colon_jumps_to_a_batch_id_on_another_page()
    {
        await using Story t = await Story.StartAsync(pageSize: 10);
        List<MessageBatch> all = await t.World.AllBatchesAsync();
        MessageBatch far = all[^3];
        t.Press(":").Prompt(":").Type(far.Id).Enter().Batches().SelectedLine(Contains(far.Id));
        t.Sees("page ?");
        t.Press(":").Prompt(":").Type("msgbatch_nope").Enter().Flash().Contains("404 not_found_error");
        t.Batches().SelectedLine(Contains(far.Id));
    }

    [Fact]
    public async Task Clicking_a_row_selects_it()
    {
        await using Story t = await Story.StartAsync();
        List<MessageBatch> all = await t.World.AllBatchesAsync();
        // Row 0 header line, row 1 frame top, row 2 column header, row 3 the first batch.
        t.Click(10, 6).Batches().TopLines(Contains(all[0].Id), Contains(all[1].Id), Contains(all[2].Id), Contains(all[3].Id).IsSelected());
    }

    [Fact]
    public async Task Raw_json_opens_on_v_and_esc_goes_back()
    {
        await using Story t = await Story.StartAsync();
        string id = (await t.World.AllBatchesAsync())[0].Id;
        t.Batches().SelectedLine(Contains(id));
        t.Press("v").Sees($"{id} · raw JSON").Sees($"\"id\": \"{id}\"").Hints().Contains("Esc back");
        t.Press(Key.Esc).Batches().Title(Contains("Batches · page 1"));
    }

    [Fact]
    public async Task A_failed_first_load_says_so_and_r_loads_the_list()
    {
        await using World w = await World.StartAsync();
        w.Sim.Chaos.FailNext(1, 529);
        using Story t = Story.On(w);
        t.Sees("could not load the batches (529 overloaded_error): r tries again")
         .DoesNotSee("no batches yet")
         .Flash().Contains("529 overloaded_error");
        t.Batches().IsEmpty("could not load the batches");
        MessageBatch newest = (await w.AllBatchesAsync())[0];
        t.Press("r").Batches().TopLines(Contains(newest.Id).IsSelected());
    }

    [Fact]
    public async Task Results_and_editor_hooks_say_when_they_are_not_available()
    {
        await using Story t = await Story.StartAsync(panes: false);
        List<MessageBatch> all = await t.World.AllBatchesAsync();
        MessageBatch ended = all.First(b => b.Status == BatchStatus.Ended && b.ArchivedAt is null);
        t.Batches().Select(ended.Id).Enter().Flash().Contains("results browser not available");
        t.Press("n").Flash().Contains("request editor not available");
        MessageBatch running = all.First(b => b.Status == BatchStatus.InProgress);
        t.Batches().Select(running.Id).Press("o").Flash().Contains($"results of {running.Id} are available once it has ended");
    }
}
