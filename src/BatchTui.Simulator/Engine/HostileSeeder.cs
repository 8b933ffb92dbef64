namespace BatchTui.Simulator.Engine;

/// <summary>
/// <c>simulate --hostile</c>: batches a well-behaved API never returns, newest of all so they top the first page.
/// Ids a cache or a shell must not trust (<c>../x</c>, <c>a/b</c>, 10,000 characters, ESC, NUL, RTL text,
/// <c>$(…)</c>), and batches whose JSON is malformed one way each (<see cref="BatchQuirk"/>). All have ended, with
/// results of real-world mess plus blocks of unknown types.
/// </summary>
internal static class HostileSeeder
{
    public static readonly string LongId = "msgbatch_01" + new Rng(0x10_000).Id("", 10_000 - "msgbatch_01".Length);

    public static readonly string[] OddIds =
    [
        "../x", "a/b", LongId, "msgbatch_01\u001b[2J\u001b]0;pwned\u0007\u001b[6n", "msgbatch_01\u0000nul",
        "msgbatch_01\u202Egnp.exe_שלום_دفعة", "$(touch /tmp/pwned)", "msgbatch_01 🎉👩‍💻 emoji",
    ];

    public static readonly BatchQuirk[] Quirks =
    [
        BatchQuirk.CreatedAtIsNumber, BatchQuirk.CountsAreStrings, BatchQuirk.CountsOverflow, BatchQuirk.NegativeCounts,
        BatchQuirk.NoOptionalFields, BatchQuirk.UnknownStatus, BatchQuirk.FarPast, BatchQuirk.FarFuture,
    ];

    public static void Seed(BatchStore store, DateTimeOffset now, int seed, Func<string, string> batchId)
    {
        var rng = new Rng(Hash.Of((ulong)seed, 0x4057_11E));
        int k = 0;
        foreach (var id in OddIds) Add(store, ref rng, id, now, k++, BatchQuirk.None);
        foreach (var quirk in Quirks) Add(store, ref rng, batchId(rng.Id("msgbatch_01", 22)), now, k++, quirk);
    }

    private static void Add(BatchStore store, ref Rng rng, string id, DateTimeOffset now, int k, BatchQuirk quirk)
    {
        // Seconds apart, the newest of the world; each ended 20 s after creation, but FarFuture stays in progress
        // (its ended_at is null, as its dates say).
        var created = VirtualClock.Truncate(now - TimeSpan.FromSeconds(30 + 5 * k));
        var duration = quirk == BatchQuirk.FarFuture ? TimeSpan.FromHours(20) : TimeSpan.FromSeconds(20);
        store.Add(new BatchRecord
        {
            Id = id,
            Sequence = store.NextSequence(),
            Seed = rng.Next(),
            CreatedAt = created,
            Duration = duration,
            Requests = new HostileRequests(rng.Int(12, 30), "claude-sonnet-4-6"),
            ErrorRate = 0.15,
            Quirk = quirk,
            Hostile = true,
        });
    }
}
