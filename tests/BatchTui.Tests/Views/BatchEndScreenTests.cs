using BatchTui.Core.Api;
using BatchTui.Tests.Support;
using System.Text;
using static BatchTui.Tests.Support.Matchers;

namespace BatchTui.Tests.Views;

/// <summary>Knowing when a batch ends, as a user meets it: <c>w</c> watches, the refresh sees the end, the line flashes.</summary>
public class BatchEndScreenTests
{
    [Fact]
    public async Task Watched_batch_shows_its_countdown_and_when_it_ends_flashes_its_counts_and_notifies_once()
    {
        await using Story t = await Story.StartAsync(120, 35);
        var written = new StringBuilder();
        t.Driver.Pane.NotifyWriter = s => written.Append(s); // the terminal's bell and notifications, as bytes
        MessageBatch created = await t.World.CreateBatchAsync();

        t.Wait(TimeSpan.FromSeconds(6)).Press("g").Batches().TopLines(Contains(created.Id).IsSelected())
         .Detail().Contains("results archived in 28d");
        t.DoesNotSee("◉");
        t.Press("w").Flash().Contains($"watching {created.Id}");
        t.Sees("◉ watching").Sees($"▶◉{created.Id}");
        Assert.Equal("", written.ToString());

        t.World.Time.Advance(TimeSpan.FromMinutes(11));
        t.Wait(TimeSpan.FromSeconds(6));
        MessageBatch ended = await t.World.Api.GetAsync(created.Id);
        Assert.True(ended.IsEnded);
        RequestCounts c = ended.Counts;
        t.Flash().Contains($"{created.Id} ended: {c.Succeeded} succeeded, {c.Errored} errored");
        t.DoesNotSee("◉");
        string bytes = written.ToString();
        Assert.StartsWith($"\a\u001b]9;batchtui: {created.Id} ended: {c.Succeeded} succeeded", bytes);
        Assert.Contains($"\u001b]777;notify;batchtui;{created.Id} ended", bytes);

        t.Wait(TimeSpan.FromSeconds(6));
        Assert.Equal(bytes, written.ToString()); // once

        // An ended batch cannot be watched; it says why.
        t.Press("w").Flash().Contains("has already ended");
    }
}
