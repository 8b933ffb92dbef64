using BatchTui.Core.Results.Query;

namespace BatchTui.Core.Results.Stats;

/// <summary>What a line of the stats report is, so a UI can give it a tone (a CLI just prints the text).</summary>
public enum StatsLineKind
{
    Summary,
    Heading,
    Row,
    Note,
    Blank,
}

/// <summary>
/// One line of the stats report, already sanitised and fitted to the width. A row or bucket carries how to filter
/// to it (<see cref="Narrow"/>); <see cref="BarStart"/> is the index in <see cref="Text"/> where its bar begins (-1 when none).
/// </summary>
public sealed record StatsLine(string Text, StatsLineKind Kind, Func<ResultsFilter, ResultsFilter>? Narrow = null, int BarStart = -1)
{
    public static StatsLine Blank { get; } = new("", StatsLineKind.Blank);
}
