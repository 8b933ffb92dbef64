using BatchTui.Core.Api;
using BatchTui.Tests.Support;
using Terminal.Gui.Input;
using static BatchTui.Tests.Support.Matchers;

namespace BatchTui.Tests.Shell;

/// <summary>A flash belongs to the pane that raised it: it goes when that pane closes or another is pushed over it.</summary>
public sealed class FlashOwnershipTests
{
    [Fact]
    public async Task The_not_ended_flash_does_not_stay_over_the_results_of_the_next_batch()
    {
        await using Story t = await Story.StartAsync(120, 35);
        List<MessageBatch> all = await t.World.AllBatchesAsync();
        MessageBatch running = all.First(b => b.Status == BatchStatus.InProgress);
        MessageBatch ended = all.First(b => b.ResultsAvailable);

        t.Batches().Select(running.Id).Enter();
        t.Flash().Contains($"results of {running.Id} are available once it has ended");

        // The results of an ended batch open over the list: the list's message does not follow them.
        t.Batches().Select(ended.Id).Enter();
        t.Results().Of(ended.Id).Loaded();
        t.DoesNotSee("are available once it has ended").Flash().IsEmpty();

        // Back on the list the old message does not come back either.
        t.Press(Key.Esc);
        t.Batches().SelectedLine(Contains(ended.Id));
        t.DoesNotSee("are available once it has ended");
    }

    [Fact]
    public async Task A_flash_raised_in_a_pane_goes_when_that_pane_closes()
    {
        await using Story t = await Story.StartAsync(120, 35);
        string id = (await t.World.AllBatchesAsync())[0].Id;
        t.Batches().SelectedLine(Contains(id));
        t.Press("v").Sees($"{id} · raw JSON").Press("T").Flash().Contains("theme: light");
        t.Press(Key.Esc).Batches().Title(Contains("Batches · page 1"));
        t.DoesNotSee("theme: light");
    }

    [Fact]
    public async Task After_chaos_the_last_429_goes_once_a_refresh_succeeds()
    {
        await using Story t = await Story.StartAsync(120, 35);
        t.World.Sim.Chaos.FailNext(1, 429, retryAfterSeconds: 10);
        t.Wait(TimeSpan.FromSeconds(5)).Flash().Contains("429 rate_limit_error");
        t.Header().Contains("retry in");

        // The next refresh (after retry-after) succeeds: the header counts down again and the 429 line is gone.
        t.Wait(TimeSpan.FromSeconds(11)).Header().Contains("refresh in");
        t.DoesNotSee("429").Flash().IsEmpty();
    }

    [Fact]
    public async Task A_newer_message_is_not_taken_away_by_the_recovery()
    {
        await using Story t = await Story.StartAsync(120, 35, panes: false);
        t.World.Sim.Chaos.FailNext(1, 429, retryAfterSeconds: 10);
        t.Wait(TimeSpan.FromSeconds(5)).Flash().Contains("429 rate_limit_error");
        t.Press("n").Flash().Contains("request editor not available");
        t.Wait(TimeSpan.FromSeconds(11)).Header().Contains("refresh in");
        t.Flash().Contains("request editor not available");
    }
}
