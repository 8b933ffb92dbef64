using BatchTui.Core.Api;
using BatchTui.Core.Config;
using BatchTui.Tests.Support;
using BatchTui.Tui.Batches;

namespace BatchTui.Tests.Models;

/// <summary>
/// Knowing when a batch ends: the watch list against the simulator over loopback HTTP, on the simulator's fake clock
/// (created batches end 10 minutes after creation), the notification bytes, and the countdown to archiving.
/// </summary>
public sealed class BatchEndWatchTests
{
    [Fact]
    public async Task A_watched_batch_is_reported_once_when_a_refresh_sees_it_end_and_others_never()
    {
        await using var world = await World.StartAsync();
        MessageBatch watched = await world.CreateBatchAsync();
        MessageBatch other = await world.CreateBatchAsync();
        var model = new BatchListModel(world.Api, 20);
        await model.LoadNewestAsync();
        var watch = new BatchEndWatch(world.Time);

        Assert.True(watch.Watch(watched));
        Assert.True(watch.IsWatched(watched.Id));
        Assert.False(watch.IsWatched(other.Id));
        MessageBatch seededEnded = model.State.Page.First(b => b.IsEnded);
        Assert.False(watch.Watch(seededEnded)); // nothing to wait for
        Assert.Empty(watch.JustEnded(model.State.Page));

        world.Time.Advance(TimeSpan.FromMinutes(5));
        await model.RefreshAsync();
        Assert.Empty(watch.JustEnded(model.State.Page)); // still running

        world.Time.Advance(TimeSpan.FromMinutes(6));
        await model.RefreshAsync();
        Assert.True(model.State.Page.Single(b => b.Id == other.Id).IsEnded);
        MessageBatch ended = Assert.Single(watch.JustEnded(model.State.Page));
        Assert.Equal(watched.Id, ended.Id);
        Assert.True(ended.IsEnded);
        Assert.False(watch.IsWatched(watched.Id));
        Assert.Empty(watch.JustEnded(model.State.Page)); // once only

        RequestCounts c = ended.Counts;
        Assert.Equal($"{watched.Id} ended: {c.Succeeded} succeeded, {c.Errored} errored, {c.Canceled} canceled, {c.Expired} expired",
            BatchEndWatch.Message(ended));
        Assert.Equal(3, c.Succeeded + c.Errored + c.Canceled + c.Expired);
    }

    [Fact]
    public async Task The_notification_follows_the_mode_wraps_for_tmux_and_carries_no_control_from_the_data()
    {
        await using var world = await World.StartAsync();
        MessageBatch b = (await world.AllBatchesAsync()).First(x => x.IsEnded);
        string body = BatchEndWatch.Message(b);

        Assert.Equal("", BatchEndWatch.Sequence(NotifyMode.Off, b, tmux: false));
        Assert.Equal("\a", BatchEndWatch.Sequence(NotifyMode.Bell, b, tmux: true));
        string osc = BatchEndWatch.Sequence(NotifyMode.Terminal, b, tmux: false);
        Assert.Equal($"\u001b]9;batchtui: {body}\u001b\\\u001b]777;notify;batchtui;{body}\u001b\\", osc);
        Assert.Equal("\a" + osc, BatchEndWatch.Sequence(NotifyMode.Both, b, tmux: false));
        string tmux = BatchEndWatch.Sequence(NotifyMode.Both, b, tmux: true);
        Assert.Equal($"\a\u001bPtmux;\u001b\u001b]9;batchtui: {body}\u001b\u001b\\\u001b\\", tmux[..tmux.IndexOf("\u001bPtmux;", 2, StringComparison.Ordinal)]);

        // An id that tries to set the clipboard and ring the bell: shown as text, never a sequence of its own.
        MessageBatch evil = b with { Id = "msgbatch_x\u001b]52;c;aGk=\u0007\u009b2J" };
        string bytes = BatchEndWatch.Sequence(NotifyMode.Both, evil, tmux: false);
        Assert.Equal(1, bytes.Count(ch => ch == '\a'));
        Assert.Equal(4, bytes.Count(ch => ch == '\u001b')); // the two OSC openers and their two terminators
        Assert.DoesNotContain('\u009b', bytes);
        Assert.Contains("msgbatch_x␛]52;c;aGk=␇", bytes);
    }

    [Fact]
    public async Task Archive_countdown_runs_29_days_from_creation_and_warns_only_uncached_ended_batches_in_the_last_3()
    {
        await using var world = await World.StartAsync();
        MessageBatch created = await world.CreateBatchAsync();
        var watch = new BatchEndWatch(world.Time);
        Assert.Equal(created.CreatedAt + TimeSpan.FromDays(29), BatchEndWatch.ArchivesAt(created));
        Assert.Equal("results archived in 29d", watch.ArchiveText(created));

        world.Time.Advance(TimeSpan.FromMinutes(11));
        MessageBatch ended = await world.Api.GetAsync(created.Id);
        Assert.True(ended.IsEnded);
        Assert.Equal("results archived in 28d", watch.ArchiveText(ended));
        Assert.False(watch.ArchiveSoon(ended, null));

        world.Time.Advance(TimeSpan.FromDays(2) - TimeSpan.FromMinutes(11));
        Assert.Equal("results archived in 27d", watch.ArchiveText(ended));

        world.Time.Advance(TimeSpan.FromDays(24) + TimeSpan.FromHours(1)); // 2d 23h left
        Assert.Equal("results archived in 2d", watch.ArchiveText(ended));
        Assert.True(watch.ArchiveSoon(ended, null));
        Assert.True(watch.ArchiveSoon(ended, _ => false));
        Assert.False(watch.ArchiveSoon(ended, _ => true)); // cached: nothing to lose
        Assert.False(watch.ArchiveSoon(created, null)); // not ended (as last seen): no results to lose yet
        var row = new BatchRowRenderer(100);
        Assert.EndsWith("archive in 2d", row.Row(ended, world.Time.GetUtcNow(), false, archiveSoon: watch.ArchiveLeft(ended)).Text.TrimEnd());
        Assert.Contains("ended ", row.Row(ended, world.Time.GetUtcNow(), false).Text);

        world.Time.Advance(TimeSpan.FromDays(3));
        Assert.Equal("results archived", watch.ArchiveText(ended));
        Assert.False(watch.ArchiveSoon(ended, null));
        Assert.Equal("results archived", watch.ArchiveText(created with { ArchivedAt = created.CreatedAt.AddDays(1) }));
    }
}
