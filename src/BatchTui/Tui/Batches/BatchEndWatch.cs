using BatchTui.Core.Api;
using BatchTui.Core.Config;
using BatchTui.Core.Text;

namespace BatchTui.Tui.Batches;

/// <summary>
/// The batches this session waits for (created here, or marked with <c>w</c>) and when their results go: which of
/// them just ended (each is reported once, then no longer watched), the notification that says so, and the countdown
/// to archiving (results stay downloadable for 29 days after <c>created_at</c>). UI-thread only; no terminal here.
/// </summary>
public sealed class BatchEndWatch(TimeProvider time)
{
    public static readonly TimeSpan ResultsKept = TimeSpan.FromDays(29);
    /// <summary>An ended batch whose results are not cached is flagged in the list this close to archiving.</summary>
    public static readonly TimeSpan WarnWithin = TimeSpan.FromDays(3);

    private readonly HashSet<string> _watched = new(StringComparer.Ordinal);

    public bool IsWatched(string id) => _watched.Contains(id);

    public int Count => _watched.Count;

    /// <summary>Waits for <paramref name="batch"/> to end; false when it already has (nothing to wait for).</summary>
    public bool Watch(MessageBatch batch) => !batch.IsEnded && _watched.Add(batch.Id);

    public void Unwatch(string id) => _watched.Remove(id);

    /// <summary>The watched batches in <paramref name="seen"/> that have ended; each is returned once and dropped.</summary>
    public IReadOnlyList<MessageBatch> JustEnded(IEnumerable<MessageBatch> seen)
    {
        if (_watched.Count == 0) return [];
        var ended = seen.Where(b => b.IsEnded && _watched.Contains(b.Id)).ToList();
        foreach (MessageBatch b in ended) _watched.Remove(b.Id);
        return ended;
    }

    // ---- the notification ----------------------------------------------------------------------------------------

    /// <summary>The flashed line: <c>msgbatch_… ended: 3 succeeded, 1 errored, 0 canceled, 0 expired</c> (id sanitised).</summary>
    public static string Message(MessageBatch b)
    {
        RequestCounts c = b.Counts;
        return $"{UntrustedText.ForTerminal(b.Id)} ended: {c.Succeeded} succeeded, {c.Errored} errored, {c.Canceled} canceled, {c.Expired} expired";
    }

    /// <summary>What to write to the terminal for <paramref name="mode"/>: BEL, OSC 9 + OSC 777 (tmux-wrapped), both, or nothing.</summary>
    public static string Sequence(NotifyMode mode, MessageBatch b, bool tmux) => mode switch
    {
        NotifyMode.Bell => TerminalNotify.Bell,
        NotifyMode.Terminal => TerminalNotify.Osc("batchtui", Message(b), tmux),
        NotifyMode.Both => TerminalNotify.Sequence("batchtui", Message(b), tmux),
        _ => "",
    };

    // ---- archiving -----------------------------------------------------------------------------------------------

    public static DateTimeOffset ArchivesAt(MessageBatch b) => b.CreatedAt + ResultsKept;

    /// <summary>Time left before the results are archived; zero or less once they are (or <c>archived_at</c> is set).</summary>
    public TimeSpan ArchiveLeft(MessageBatch b) => b.ArchivedAt is not null ? TimeSpan.Zero : ArchivesAt(b) - time.GetUtcNow();

    /// <summary><c>results archived in 27d</c>, or <c>results archived</c> when that time has passed.</summary>
    public string ArchiveText(MessageBatch b)
    {
        TimeSpan left = ArchiveLeft(b);
        return left > TimeSpan.Zero ? $"results archived in {RelativeTime.Short(left)}" : "results archived";
    }

    /// <summary>An ended batch whose results are not cached and go within <see cref="WarnWithin"/>: fetch them now.</summary>
    /// <param name="isCached">Asked last (it may touch the disk), and only for a batch that is that close.</param>
    public bool ArchiveSoon(MessageBatch b, Func<MessageBatch, bool>? isCached)
    {
        if (!b.IsEnded || b.Malformed is not null) return false;
        TimeSpan left = ArchiveLeft(b);
        return left > TimeSpan.Zero && left <= WarnWithin && !(isCached?.Invoke(b) ?? false);
    }
}
