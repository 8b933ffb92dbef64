using System.Globalization;

namespace BatchTui.Core.Text;

/// <summary>Counts and sizes as users read them, written once for the CLI, the TUI and Core's messages (invariant,
/// whatever the locale).</summary>
public static class Units
{
    /// <summary>100,000.</summary>
    public static string N(long n) => n.ToString("N0", CultureInfo.InvariantCulture);

    /// <summary><c>1 request</c>, <c>2 requests</c>; <paramref name="many"/> for words that do not take an s.</summary>
    public static string Plural(long n, string one, string? many = null) => $"{N(n)} {(n == 1 ? one : many ?? one + "s")}";

    /// <summary>A token count in a narrow column: 9,999, then 12.3k, then 4.5M.</summary>
    public static string Compact(long n) => n switch
    {
        < 10_000 => N(n),
        < 1_000_000 => string.Create(CultureInfo.InvariantCulture, $"{n / 1000.0:F1}k"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{n / 1_000_000.0:F1}M"),
    };

    /// <summary>A measured size, one decimal: <c>512 B</c>, <c>12.3 KB</c>, <c>48.0 MB</c>, <c>1.50 GB</c>.</summary>
    public static string Bytes(long bytes) => bytes switch
    {
        < 1024 => $"{bytes} B",
        < 1 << 20 => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024.0:F1} KB"),
        < 1 << 30 => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1048576.0:F1} MB"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1073741824.0:F2} GB"),
    };

    /// <summary>A limit as it was set, whole where it is whole: <c>256 MB</c>, <c>1 MB</c>, <c>12 KB</c>, <c>1.5 KB</c>.</summary>
    public static string Limit(long bytes) => bytes switch
    {
        >= 1L << 30 when bytes % (1L << 30) == 0 => $"{bytes >> 30} GB",
        >= 1L << 30 => string.Create(CultureInfo.InvariantCulture, $"{bytes / (double)(1L << 30):0.0} GB"),
        >= 1 << 20 when bytes % (1 << 20) == 0 => $"{bytes >> 20} MB",
        >= 1 << 20 => string.Create(CultureInfo.InvariantCulture, $"{bytes / (double)(1 << 20):0.0} MB"),
        >= 1 << 10 when bytes % (1 << 10) == 0 => $"{bytes >> 10} KB",
        >= 1 << 10 => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024.0:0.0} KB"),
        _ => $"{bytes} B",
    };
}
