namespace BatchTui.Simulator.Engine;

/// <summary>
/// One batch's plan. Request i finishes at <c>CreatedAt + Duration × u(i)</c> (u uniform in [0,1) from the seed);
/// the batch ends at the earliest of: all requests done, the cancel finalizing, or expiry 24 h after creation.
/// Requests not done by then are canceled or expired. Everything else is derived from the virtual time asked about.
/// </summary>
internal sealed class BatchRecord
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(24);

    private readonly object _gate = new();
    private DateTimeOffset? _cancelInitiatedAt;
    private RequestCounts? _finalCounts;

    public required string Id { get; init; }
    public required long Sequence { get; init; }
    public required ulong Seed { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    public required TimeSpan Duration { get; init; }
    public required IRequestSource Requests { get; init; }
    public double ErrorRate { get; init; }
    public TimeSpan CancelDelay { get; init; } = TimeSpan.FromSeconds(30);
    public DateTimeOffset? ArchivedAt { get; init; }

    /// <summary><c>simulate --hostile</c>: how this batch's JSON is malformed on the wire (list, retrieve, cancel).</summary>
    public BatchQuirk Quirk { get; init; }

    /// <summary><c>simulate --hostile</c>: its results also hold blocks no API documents.</summary>
    public bool Hostile { get; init; }

    public DateTimeOffset ExpiresAt => CreatedAt + Lifetime;

    public int Count => Requests.Count;

    /// <summary>For the seeded world: a cancel that already happened.</summary>
    public DateTimeOffset? InitialCancel { init => _cancelInitiatedAt = value; }

    public BatchView View(DateTimeOffset now)
    {
        DateTimeOffset? cancelAt;
        lock (_gate) cancelAt = _cancelInitiatedAt;
        if (cancelAt > now) cancelAt = null; // a seeded cancel in the future has not happened yet

        var (end, kind) = EndOf(cancelAt);
        DateTimeOffset? archived = ArchivedAt <= now ? ArchivedAt : null;
        if (now < end)
        {
            var status = cancelAt is null ? ProcessingStatus.InProgress : ProcessingStatus.Canceling;
            return new BatchView(status, EndKind.None, null, cancelAt, null, new RequestCounts(Count, 0, 0, 0, 0));
        }
        return new BatchView(ProcessingStatus.Ended, kind, end, cancelAt, archived, FinalCounts(end, kind));
    }

    /// <summary>Starts a cancel if the batch is still in progress at <paramref name="now"/>.</summary>
    public bool TryCancel(DateTimeOffset now, out BatchView view)
    {
        lock (_gate)
        {
            view = View(now);
            if (view.Status != ProcessingStatus.InProgress) return false;
            _cancelInitiatedAt = now;
        }
        view = View(now);
        return true;
    }

    /// <summary>The result of request <paramref name="index"/> once the batch has ended as <paramref name="view"/> says.</summary>
    public Outcome OutcomeOf(int index, in BatchView view)
    {
        if (view.EndKind == EndKind.Completed || Finish(index) <= view.EndedAt!.Value)
            return Hash.Unit(Hash.Of(Seed, 2 * (ulong)index + 2)) < ErrorRate ? Outcome.Errored : Outcome.Succeeded;
        return view.EndKind == EndKind.Canceled ? Outcome.Canceled : Outcome.Expired;
    }

    /// <summary>When request <paramref name="index"/> ran (virtual time).</summary>
    public DateTimeOffset FinishOf(int index) => VirtualClock.Truncate(Finish(index));

    private DateTimeOffset Finish(int index) =>
        CreatedAt + TimeSpan.FromTicks((long)(Duration.Ticks * Hash.Unit(Hash.Of(Seed, 2 * (ulong)index + 1))));

    private (DateTimeOffset End, EndKind Kind) EndOf(DateTimeOffset? cancelAt)
    {
        var completed = CreatedAt + Duration;
        var canceled = cancelAt + CancelDelay ?? DateTimeOffset.MaxValue;
        if (completed <= canceled && completed <= ExpiresAt) return (completed, EndKind.Completed);
        return canceled <= ExpiresAt ? (canceled, EndKind.Canceled) : (ExpiresAt, EndKind.Expired);
    }

    private RequestCounts FinalCounts(DateTimeOffset end, EndKind kind)
    {
        lock (_gate)
        {
            if (_finalCounts is { } cached) return cached;
            var view = new BatchView(ProcessingStatus.Ended, kind, end, null, null, default);
            int s = 0, e = 0, c = 0, x = 0;
            for (int i = 0; i < Count; i++)
            {
                switch (OutcomeOf(i, view))
                {
                    case Outcome.Succeeded: s++; break;
                    case Outcome.Errored: e++; break;
                    case Outcome.Canceled: c++; break;
                    default: x++; break;
                }
            }
            var counts = new RequestCounts(0, s, e, c, x);
            _finalCounts = counts; // an ended batch never changes again
            return counts;
        }
    }
}
