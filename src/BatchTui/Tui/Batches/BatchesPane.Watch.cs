using BatchTui.Core.Api;

namespace BatchTui.Tui.Batches;

// w (watch) and the announcement of a watched batch's end.
public sealed partial class BatchesPane
{
    private void ToggleWatch()
    {
        if (Selected is not { } b) return;
        if (Watch.IsWatched(b.Id)) { Watch.Unwatch(b.Id); _shell.Flash($"no longer watching {b.Id}"); }
        else if (Watch.Watch(b)) _shell.Flash($"watching {b.Id}: you will be told when it ends");
        else { _shell.FlashProblem($"{b.Id} has already ended"); return; }
        List.SetNeedsDraw();
        Detail.SetNeedsDraw();
    }

    // A watched batch the refresh saw end: bell / terminal notification as configured, and its counts flashed.
    private void AnnounceEnded()
    {
        foreach (MessageBatch b in Watch.JustEnded(Model.State.Page))
        {
            string bytes = BatchEndWatch.Sequence(Notify, b, Tmux);
            if (bytes.Length > 0) NotifyWriter(bytes);
            _shell.Flash(BatchEndWatch.Message(b));
        }
    }
}
