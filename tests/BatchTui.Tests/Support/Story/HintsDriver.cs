namespace BatchTui.Tests.Support;

/// <summary>The key hints (the bottom line): what the pane on top offers, as the shell groups it.</summary>
public sealed class HintsDriver(Story t)
{
    private string Line => t.Lines()[^1];

    public HintsDriver Contains(string hint)
    {
        string line = Line;
        Assert.True(line.Contains(hint, StringComparison.Ordinal), $"the hints are \"{line.TrimEnd()}\", expected \"{hint}\"");
        return this;
    }

    public HintsDriver DoesNotContain(string hint)
    {
        string line = Line;
        Assert.False(line.Contains(hint, StringComparison.Ordinal), $"the hints \"{line.TrimEnd()}\" offer \"{hint}\"");
        return this;
    }
}
