using System.Globalization;

namespace BatchTui.Core.Requests;

/// <summary>Counts as users read them: 100,000 (invariant, whatever the locale).</summary>
public static class NumberText
{
    public static string N(long n) => n.ToString("N0", CultureInfo.InvariantCulture);

    public static string Plural(long n, string word) => $"{N(n)} {word}{(n == 1 ? "" : "s")}";
}
