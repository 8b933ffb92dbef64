namespace BatchTui.Simulator.Engine;

/// <summary>
/// The starting world: about sixty batches in every state, created over the last days before the clock's start,
/// so a list, a detail view and a results view all have something real to show from the first second.
/// </summary>
internal static class WorldSeeder
{
    public static readonly string[] Models =
    [
        "claude-opus-4-8", "claude-sonnet-4-6", "claude-haiku-4-5-20251001", "claude-opus-4-6",
        "claude-sonnet-4-5-20250929", "claude-opus-4-1-20250805", "claude-3-haiku-20240307",
    ];

    private static readonly Theme[] Themes =
        [Theme.CodeReview, Theme.Support, Theme.Translation, Theme.Labelling, Theme.Research, Theme.Eval];

    /// <param name="batchId">Turns the seeded id into the one served (<see cref="SimulatorWorld.BatchId"/>).</param>
    public static void Seed(BatchStore store, DateTimeOffset now, int seed, bool includeLarge,
        Func<string, string> batchId)
    {
        var rng = new Rng(Hash.Of((ulong)seed, 0x5EED));
        var h = TimeSpan.FromHours(1);
        var m = TimeSpan.FromMinutes(1);

        // Ended, every request ran; some with a share of errors.
        for (int i = 0; i < 16; i++)
        {
            var created = now - Between(ref rng, 2 * h, 6 * 24 * h);
            var maxDuration = Min(now - created - m, 20 * h);
            Add(store, batchId, ref rng, created, Between(ref rng, 3 * m, maxDuration), Size(ref rng),
                errorRate: i % 3 == 0 ? rng.Double() * 0.35 : rng.Double() * 0.03);
        }

        // Ended by a cancel: the requests not run by the time it finalized are canceled.
        for (int i = 0; i < 6; i++)
        {
            var created = now - Between(ref rng, 4 * h, 5 * 24 * h);
            var duration = Between(ref rng, 3 * h, 20 * h);
            var cancel = created + Min(duration, now - created - 10 * m) * (0.1 + rng.Double() * 0.7);
            Add(store, batchId, ref rng, created, duration, Size(ref rng), 0.05, cancel: cancel,
                cancelDelay: Between(ref rng, m, 8 * m));
        }

        // Expired: still running when 24 hours passed.
        for (int i = 0; i < 5; i++)
        {
            var created = now - Between(ref rng, 25 * h, 6 * 24 * h);
            Add(store, batchId, ref rng, created, Between(ref rng, 26 * h, 60 * h), Size(ref rng), 0.08);
        }

        // Archived: ended long ago, results no longer available.
        for (int i = 0; i < 5; i++)
        {
            var created = now - Between(ref rng, 7 * 24 * h, 9 * 24 * h);
            var duration = Between(ref rng, 10 * m, 12 * h);
            var archived = now - Between(ref rng, h, 24 * h);
            Add(store, batchId, ref rng, created, duration, Size(ref rng), 0.04, archived: archived);
        }

        // In progress, young: hours to go.
        for (int i = 0; i < 9; i++)
        {
            var created = now - Between(ref rng, m, 90 * m);
            Add(store, batchId, ref rng, created, Between(ref rng, 2 * h, 14 * h), Size(ref rng), 0.05);
        }

        // In progress, ending within minutes: something to watch finish.
        for (int i = 0; i < 4; i++)
        {
            var created = now - Between(ref rng, 5 * m, 30 * m);
            Add(store, batchId, ref rng, created, now - created + Between(ref rng, m, 12 * m), rng.Int(3, 80), 0.06);
        }

        // In progress, old: will hit the 24-hour expiry.
        for (int i = 0; i < 5; i++)
        {
            var created = now - Between(ref rng, 18 * h, 23.5 * h);
            Add(store, batchId, ref rng, created, Between(ref rng, 26 * h, 40 * h), Size(ref rng), 0.05);
        }

        // Canceling: cancel initiated moments ago, finalizing over the next minutes.
        for (int i = 0; i < 4; i++)
        {
            var created = now - Between(ref rng, 10 * m, 4 * h);
            Add(store, batchId, ref rng, created, Between(ref rng, 6 * h, 16 * h), Size(ref rng), 0.05,
                cancel: now - Between(ref rng, TimeSpan.FromSeconds(5), m), cancelDelay: Between(ref rng, 2 * m, 10 * m));
        }

        // A few tiny ones: a single request each.
        for (int i = 0; i < 4; i++)
        {
            var created = now - Between(ref rng, 3 * h, 3 * 24 * h);
            Add(store, batchId, ref rng, created, Between(ref rng, m, 30 * m), 1, i == 0 ? 1.0 : 0.0);
        }

        if (includeLarge)
        {
            // The 100,000-request evaluation run: ended two days ago, streamed line by line when downloaded.
            Add(store, batchId, ref rng, now - 2 * 24 * h - 3 * h, 9 * h, 100_000, 0.03, theme: Theme.Eval,
                model: "claude-sonnet-4-6");
        }

        // Real-world mess (MessScenarios): emoji, RTL, controls, escape sequences, a 2 MB block. From its own stream
        // and older than every other batch but the archived ones, so the rest of the world and its first page stay
        // exactly as they were.
        var mess = new Rng(Hash.Of((ulong)seed, 0x4E55));
        Add(store, batchId, ref mess, now - 6 * 24 * h - Between(ref mess, 2 * h, 10 * h), 40 * m, 48, 0.06, theme: Theme.Mess,
            model: "claude-opus-4-8");
    }

    private static void Add(BatchStore store, Func<string, string> batchId, ref Rng rng, DateTimeOffset created, TimeSpan duration, int size,
        double errorRate, DateTimeOffset? cancel = null, TimeSpan? cancelDelay = null, DateTimeOffset? archived = null,
        Theme? theme = null, string? model = null)
    {
        var requests = new GeneratedRequests(theme ?? rng.Pick(Themes), size, model ?? rng.Pick(Models));
        store.Add(new BatchRecord
        {
            Id = batchId(rng.Id("msgbatch_01", 22)),
            Sequence = store.NextSequence(),
            Seed = rng.Next(),
            CreatedAt = VirtualClock.Truncate(created),
            Duration = duration,
            Requests = requests,
            ErrorRate = errorRate,
            InitialCancel = cancel is { } c ? VirtualClock.Truncate(c) : null,
            CancelDelay = cancelDelay ?? TimeSpan.FromSeconds(30),
            ArchivedAt = archived is { } a ? VirtualClock.Truncate(a) : null,
        });
    }

    /// <summary>Mostly tens to hundreds of requests, now and then a few thousand.</summary>
    private static int Size(ref Rng rng) => rng.Int(10) switch
    {
        0 => rng.Int(2, 9),
        9 => rng.Int(1500, 4000),
        _ => rng.Int(12, 400),
    };

    private static TimeSpan Between(ref Rng rng, TimeSpan min, TimeSpan max) =>
        max <= min ? min : min + (max - min) * rng.Double();

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;
}
