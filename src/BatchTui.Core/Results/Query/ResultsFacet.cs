using BatchTui.Core.Results.Index;

namespace BatchTui.Core.Results.Query;

/// <summary>
/// One more filter criterion, picked in the stats pane: a model, a bucket of a histogram, or a value only a read of
/// the lines reveals (a block type, a tool, a citation's domain) carried as the rows that have it. Named for the
/// header (<c>tool=web_search</c>); it narrows like the other criteria (AND).
/// </summary>
public sealed class ResultsFacet
{
    private readonly Func<ResultsIndex, int, bool> _match;

    public ResultsFacet(string name, string value, Func<ResultsIndex, int, bool> match)
    {
        Name = name;
        Value = value;
        _match = match;
    }

    /// <summary>What is filtered on, e.g. "model", "tool", "input tokens".</summary>
    public string Name { get; }
    /// <summary>The value or bucket, e.g. "claude-opus-4-8", "100–199".</summary>
    public string Value { get; }

    public bool Matches(ResultsIndex index, int row) => _match(index, row);

    public string Describe() => $"{Name}={Value}";

    public static ResultsFacet Model(string model) =>
        new("model", model, (index, row) => index.Model(index[row]) == model);

    /// <summary>Rows whose <paramref name="measure"/> lies in [<paramref name="from"/>, <paramref name="to"/>).</summary>
    public static ResultsFacet Range(string name, string label, Func<ResultEntry, long> measure, long from, long to) =>
        new(name, label, (index, row) => measure(index[row]) is var v && v >= from && v < to);

    /// <summary>Exactly these rows (ascending index rows), found by a read of the lines.</summary>
    public static ResultsFacet Rows(string name, string value, int[] ascendingRows) =>
        new(name, value, (_, row) => Array.BinarySearch(ascendingRows, row) >= 0);
}
