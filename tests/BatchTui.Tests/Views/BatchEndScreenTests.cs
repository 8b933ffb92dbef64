using System.Text;
using BatchTui.Core.Api;
using BatchTui.Tests.Support;

namespace BatchTui.Tests.Views;

/// <summary>Knowing when a batch ends, as a user meets it: <c>w</c> watches, the refresh sees the end, the line flashes.</summary>
public class BatchEndScreenTests
{
    [Fact]
    public async Task Watched_batch_shows_its_countdown_and_when_it_ends_flashes_its_counts_and_notifies_once()
    {
        await using World w = await World.StartAsync();
        using var t = TuiDriver.Start(w.Api, w.Time, 120, 35);
        var written = new StringBuilder();
        t.Pane.NotifyWriter = s => written.Append(s);
        MessageBatch created = await w.CreateBatchAsync();

        t.Advance(TimeSpan.FromSeconds(6)).Press("g").ExpectSelected(created.Id)
         .ExpectLine("results archived in 28d").ExpectNoLine("◉")
         .Press("w").ExpectFlash($"watching {created.Id}")
         .ExpectLine("◉ watching").ExpectLine($"▶◉{created.Id}");
        Assert.Equal("", written.ToString());

        w.Time.Advance(TimeSpan.FromMinutes(11));
        t.Advance(TimeSpan.FromSeconds(6));
        MessageBatch ended = await w.Api.GetAsync(created.Id);
        Assert.True(ended.IsEnded);
        RequestCounts c = ended.Counts;
        t.ExpectFlash($"{created.Id} ended: {c.Succeeded} succeeded, {c.Errored} errored")
         .ExpectNoLine("◉");
        string bytes = written.ToString();
        Assert.StartsWith($"\a\u001b]9;batchtui: {created.Id} ended: {c.Succeeded} succeeded", bytes);
        Assert.Contains($"\u001b]777;notify;batchtui;{created.Id} ended", bytes);

        t.Advance(TimeSpan.FromSeconds(6));
        Assert.Equal(bytes, written.ToString()); // once

        // An ended batch cannot be watched; it says why.
        t.Press("w").ExpectFlash("has already ended");
    }
}
