using System.Text.RegularExpressions;

namespace BatchTui.Tests.Support;

/// <summary>
/// The results browser (Enter on an ended batch, or <c>open FILE</c>): its heading ("results ID │ counts"), the
/// table and the detail of the row under the cursor, asserted as text. Made once the heading is on screen; the
/// download and indexing go on behind it, so <see cref="Loaded"/> waits for the "N shown" line.
/// </summary>
public sealed partial class ResultsDriver
{
    private readonly Story _t;

    internal ResultsDriver(Story t)
    {
        _t = t;
        _t.Until(lines => lines.Skip(1).Any(IsHeading), "the results browser on screen");
    }

    private static bool IsHeading(string line) => line.StartsWith("results ", StringComparison.Ordinal);

    /// <summary>The results of <paramref name="batchId"/> (or of the file so named) are the ones shown.</summary>
    public ResultsDriver Of(string batchId)
    {
        string heading = _t.Lines().Skip(1).First(IsHeading);
        Assert.True(heading.StartsWith($"results {batchId}", StringComparison.Ordinal), $"the results heading is \"{heading.TrimEnd()}\", expected {batchId}");
        return this;
    }

    /// <summary>Waits (bounded) until the table is indexed: the "N shown" line is on screen.</summary>
    public ResultsDriver Loaded()
    {
        _t.Until(lines => lines.Any(l => Shown().IsMatch(l)), "the results indexed (\"N shown\")");
        return this;
    }

    [GeneratedRegex(@"^[\d,]+ shown")]
    private static partial Regex Shown();

    public ResultsDriver Contains(string text)
    {
        _t.Sees(text);
        return this;
    }

    public ResultsDriver DoesNotContain(string text)
    {
        _t.DoesNotSee(text);
        return this;
    }

    /// <summary>Back to the pane below (Esc).</summary>
    public Story Close() => _t.Press(Terminal.Gui.Input.Key.Esc);
}
