using BatchTui.Core.Api;
using BatchTui.Tests.Support;
using static BatchTui.Tests.Support.Matchers;

namespace BatchTui.Tests.Views;

/// <summary>A refresh that changes the list under the user keeps their place: the same batch stays selected.</summary>
public sealed class RefreshKeepsSelectionStories
{
    [Theory]
    [InlineData(100, 30)]
    [InlineData(80, 24)]
    public async Task A_batch_created_elsewhere_appears_on_r_and_the_selection_stays_on_the_same_batch(int cols, int rows)
    {
        await using Story t = await Story.StartAsync(cols, rows);
        List<MessageBatch> all = await t.World.AllBatchesAsync();
        MessageBatch second = all[1], third = all[2];
        t.Press("p"); // auto-refresh paused: only r changes the list
        t.Batches().Select(second.Id).TopLines(Contains(all[0].Id), Contains(second.Id).IsSelected(), Contains(third.Id));

        // Another user of the workspace submits a batch; r shows it on top and the selection does not move with the rows.
        MessageBatch created = await t.World.CreateBatchAsync();
        t.Batches().DoesNotShow(Contains(created.Id));
        t.Press("r");
        t.Batches()
         .TopLines(Contains(created.Id), Contains(all[0].Id), Contains(second.Id).IsSelected(), Contains(third.Id))
         .Detail().Of(second.Id);
    }

    [Fact]
    public async Task A_batch_above_canceled_elsewhere_shows_canceling_on_r_and_the_selection_stays()
    {
        await using Story t = await Story.StartAsync();
        List<MessageBatch> all = await t.World.AllBatchesAsync();
        int at = all.FindIndex(b => b.Status == BatchStatus.InProgress);
        MessageBatch running = all[at], below = all[at + 1];
        t.Press("p");
        t.Batches().Select(below.Id).ContainsLines(Contains(running.Id).And(Contains("in_progress")), Contains(below.Id).IsSelected());

        await t.World.Api.CancelAsync(running.Id);
        t.Press("r");
        t.Batches()
         .ContainsLines(Contains(running.Id).And(Contains("canceling")), Contains(below.Id).IsSelected())
         .Detail().Of(below.Id);
    }
}
