using System.Globalization;

namespace Soak;

/// <summary>The table of figures, and the verdict (exit code 0 only when every check holds).</summary>
internal static class Report
{
    /// <summary>Managed memory may grow at most this much from the end of warm-up to the end of the run.</summary>
    public const long FlatBytes = 4L * 1024 * 1024;

    public static int Print(Ledger l, SoakOptions o, int steps, TimeSpan simulated, TimeSpan wall)
    {
        var inv = CultureInfo.InvariantCulture;
        void Row(string name, object value) => Console.WriteLine(string.Create(inv, $"  {name,-52} {value,14}"));
        Console.WriteLine(string.Create(inv, $"soak: chaos {o.Chaos:0.##} on every call, creates accepted-then-failed {o.AcceptFail:0.##}, seed {o.Seed}"));
        Row("virtual time (h)", simulated.TotalHours.ToString("0.00", inv));
        Row("wall time (s)", wall.TotalSeconds.ToString("0.0", inv));
        Row("steps (5 s each)", steps);
        Row("create attempts", l.CreateAttempts);
        Row("  returned the batch", l.CreatedReturned);
        Row("  unconfirmed, likely match was the batch created", l.UncertainMatched);
        Row("  unconfirmed, no match named, none created", l.UncertainNoneCreated);
        Row("  refused (4xx / 429 / 529 after retries), none created", l.RefusedNoneCreated);
        Row("  wrong match named", l.WrongMatch);
        Row("  created but unaccounted for", l.Unaccounted);
        Row("  duplicate batches", l.Duplicates);
        Row("cancels ok / failed", $"{l.Cancels} / {l.CancelFailures}");
        Row("deletes ok / failed", $"{l.Deletes} / {l.DeleteFailures}");
        Row("refreshes run / runs of failures", $"{l.RefreshRuns} / {l.RefreshFailures}");
        Row("client retries (back-off asked, s)", $"{l.ClientRetries} ({l.BackoffAsked.TotalSeconds:0})");
        Row("unhandled exceptions", l.UnhandledExceptions);

        Console.WriteLine();
        Console.WriteLine("  virtual min   batches on server   ours live   managed memory (KB)");
        foreach (var m in l.Memory)
            Console.WriteLine(string.Create(inv, $"  {m.Minutes,11:0} {m.Batches,19} {m.Ours,11} {m.Bytes / 1024,21:N0}"));

        long growth = l.Memory.Count >= 2 ? l.Memory[^1].Bytes - l.Memory[0].Bytes : 0;
        if (l.Memory.Count >= 2)
            Console.WriteLine(string.Create(inv,
                $"  memory after warm-up {l.Memory[0].Bytes / 1024:N0} KB, at the end {l.Memory[^1].Bytes / 1024:N0} KB: {(growth >= 0 ? "+" : "")}{growth / 1024:N0} KB (limit +{FlatBytes / 1024:N0} KB)"));
        if (growth > FlatBytes) l.Fail($"managed memory grew {growth / 1024:N0} KB after warm-up");
        if (l.UnhandledExceptions > 0) l.Fail($"{l.UnhandledExceptions} unhandled exceptions");
        if (l.CreateAttempts == 0) l.Fail("no create was attempted");

        Console.WriteLine();
        foreach (var (kind, message) in l.Examples.OrderBy(e => e.Key, StringComparer.Ordinal))
            Console.WriteLine($"  e.g. {kind}: {message}");
        Console.WriteLine();
        foreach (string p in l.Problems) Console.WriteLine("  FAIL " + p);
        Console.WriteLine(l.Problems.Count == 0 ? "soak: PASS" : $"soak: FAIL ({l.Problems.Count} problems)");
        return l.Problems.Count == 0 ? 0 : 1;
    }
}
