namespace BatchTui.Core.Results.Stats;

/// <summary>
/// Log-scale buckets on the 1-2-5 series: 0, 1, 2–4, 5–9, 10–19, 20–49, 50–99, 100–199, … three per decade, so
/// 3 tokens and 300,000 tokens both land in a readable bar. Bucket <c>i</c> holds [<see cref="From"/>, <see cref="To"/>).
/// </summary>
public static class LogBuckets
{
    private static readonly long[] Steps = [1, 2, 5];

    public static int Of(long value)
    {
        if (value <= 0) return 0;
        int decade = 0;
        long scale = 1;
        while (value / scale >= 10) { scale *= 10; decade++; }
        long lead = value / scale;
        int step = lead >= 5 ? 2 : lead >= 2 ? 1 : 0;
        return 1 + decade * 3 + step;
    }

    public static long From(int bucket) => bucket == 0 ? 0 : Steps[(bucket - 1) % 3] * Pow10((bucket - 1) / 3);

    public static long To(int bucket) => bucket == 0 ? 1 : (bucket % 3 == 0 ? 10 * Pow10((bucket - 1) / 3) : From(bucket + 1));

    /// <summary>"0", "1", "2–4", "100–199"; from 1,000 up, half-open in k/M: "1k–2k" is 1,000 to 1,999.</summary>
    public static string Label(int bucket)
    {
        long from = From(bucket), to = To(bucket);
        if (to - from == 1) return from.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return from >= 1000 ? $"{Compact(from)}–{Compact(to)}" : $"{from}–{to - 1}";
    }

    private static string Compact(long n) => n >= 1_000_000_000 ? $"{n / 1_000_000_000}G" : n >= 1_000_000 ? $"{n / 1_000_000}M" : n >= 1000 ? $"{n / 1000}k" : $"{n}";

    private static long Pow10(int n)
    {
        long p = 1;
        for (int i = 0; i < n; i++) p *= 10;
        return p;
    }
}
