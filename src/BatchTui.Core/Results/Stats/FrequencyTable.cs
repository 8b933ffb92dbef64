using BatchTui.Core.Results.Query;

namespace BatchTui.Core.Results.Stats;

/// <summary>One value of a frequency table: how many results have it, their share, and how to filter to them.</summary>
/// <param name="Narrow">The current filter narrowed to the results of this row (Enter in the stats pane).</param>
public sealed record FrequencyRow(string Value, int Count, double Percent, Func<ResultsFilter, ResultsFilter> Narrow);

/// <summary>
/// A frequency table (VisiData's Shift-F): the values of one field, most frequent first. <see cref="Of"/> is what the
/// percentages are of (the results the field applies to, e.g. the succeeded ones for stop_reason).
/// </summary>
/// <param name="Name">Stable key for JSON, e.g. <c>stop_reason</c>.</param>
/// <param name="Title">For people, e.g. "stop_reason (of 950 succeeded)".</param>
/// <param name="More">Values left out beyond <see cref="FrequencyTables.MaxRows"/>.</param>
public sealed record FrequencyTable(string Name, string Title, int Of, IReadOnlyList<FrequencyRow> Rows, int More = 0);

public static class FrequencyTables
{
    /// <summary>A table shows its most frequent values up to this many (a hostile file can have thousands).</summary>
    public const int MaxRows = 100;

    public static FrequencyTable Of(string name, string title, int of, IEnumerable<KeyValuePair<string, int>> counts,
        Func<string, Func<ResultsFilter, ResultsFilter>> narrow)
    {
        var sorted = counts.Where(kv => kv.Value > 0).OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key, StringComparer.Ordinal).ToList();
        var rows = sorted.Take(MaxRows)
            .Select(kv => new FrequencyRow(kv.Key, kv.Value, of == 0 ? 0 : 100.0 * kv.Value / of, narrow(kv.Key)))
            .ToList();
        return new FrequencyTable(name, title, of, rows, Math.Max(0, sorted.Count - MaxRows));
    }
}
