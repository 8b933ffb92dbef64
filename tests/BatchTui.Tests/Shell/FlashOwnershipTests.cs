using BatchTui.Core.Api;
using BatchTui.Core.Results.Store;
using BatchTui.Tests.Results;
using BatchTui.Tests.Support;
using BatchTui.Tui.Results;
using BatchTui.Tui.Shell;
using Terminal.Gui.Input;

namespace BatchTui.Tests.Shell;

/// <summary>A flash belongs to the pane that raised it: it goes when that pane closes or another is pushed over it.</summary>
public sealed class FlashOwnershipTests
{
    private static void SelectId(TuiDriver t, string id)
    {
        int index = t.Pane.Model.State.Visible.ToList().FindIndex(b => b.Id == id);
        Assert.True(index >= 0, $"{id} is not on the page");
        t.Press("g");
        for (int i = 0; i < index; i++) t.Press("j");
        t.ExpectSelected(id);
    }

    [Fact]
    public async Task The_not_ended_flash_does_not_stay_over_the_results_of_the_next_batch()
    {
        using var dir = new TempFolder();
        await using World w = await World.StartAsync();
        var cache = new ResultsStore(Path.Combine(dir.Path, "cache"), w.Time);
        using var t = TuiDriver.Start(w.Api, w.Time, 120, 35,
            factories: new PaneFactories(Results: (shell, api, batch, _) => ResultsPane.ForBatch(shell, api, batch, cache)));

        MessageBatch running = t.Pane.Model.State.Visible.First(b => b.Status == BatchStatus.InProgress);
        MessageBatch ended = t.Pane.Model.State.Visible.First(b => b.ResultsAvailable);
        SelectId(t, running.Id);
        t.Press(Key.Enter).ExpectFlash($"results of {running.Id} are available once it has ended");

        SelectId(t, ended.Id);
        t.Press(Key.Enter).Until(() => t.Shell.Top is ResultsPane { Ready.IsCompleted: true }, "the results browser open")
         .ExpectLine($"results {ended.Id}")
         .ExpectNoLine("are available once it has ended");
        Assert.Equal("", t.Lines()[^2].Trim());

        // Back on the list the old message does not come back either.
        t.Press(Key.Esc).ExpectSelected(ended.Id).ExpectNoLine("are available once it has ended");
    }

    [Fact]
    public async Task A_flash_raised_in_a_pane_goes_when_that_pane_closes()
    {
        await using World w = await World.StartAsync();
        using var t = TuiDriver.Start(w.Api, w.Time, 120, 35);
        string id = t.Pane.Model.State.SelectedId!;
        t.Press("v").ExpectLine($"{id} · raw JSON").Press("T").ExpectFlash("theme: light");
        t.Press(Key.Esc).ExpectLine("Batches · page 1").ExpectNoLine("theme: light");
    }

    [Fact]
    public async Task After_chaos_the_last_429_goes_once_a_refresh_succeeds()
    {
        await using World w = await World.StartAsync();
        using var t = TuiDriver.Start(w.Api, w.Time, 120, 35);
        w.Sim.Chaos.FailNext(1, 429, retryAfterSeconds: 10);
        t.Advance(TimeSpan.FromSeconds(5)).ExpectFlash("429 rate_limit_error").ExpectHeader("retry in");

        // The next refresh (after retry-after) succeeds: the header counts down again and the 429 line is gone.
        t.Advance(TimeSpan.FromSeconds(11)).ExpectHeader("refresh in").ExpectNoLine("429");
        Assert.Equal("", t.Lines()[^2].Trim());
    }

    [Fact]
    public async Task A_newer_message_is_not_taken_away_by_the_recovery()
    {
        await using World w = await World.StartAsync();
        using var t = TuiDriver.Start(w.Api, w.Time, 120, 35);
        w.Sim.Chaos.FailNext(1, 429, retryAfterSeconds: 10);
        t.Advance(TimeSpan.FromSeconds(5)).ExpectFlash("429 rate_limit_error");
        t.Press("n").ExpectFlash("request editor not available");
        t.Advance(TimeSpan.FromSeconds(11)).ExpectHeader("refresh in").ExpectFlash("request editor not available");
    }
}
