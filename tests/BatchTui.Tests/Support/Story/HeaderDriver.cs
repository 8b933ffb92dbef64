namespace BatchTui.Tests.Support;

/// <summary>The header line (top): app, profile, server, refresh state, clock.</summary>
public sealed class HeaderDriver(Story t)
{
    private string Line => t.Lines()[0];

    public HeaderDriver Contains(string text)
    {
        string line = Line;
        Assert.True(line.Contains(text, StringComparison.Ordinal), $"the header is \"{line.TrimEnd()}\", expected it to contain \"{text}\"");
        return this;
    }

    public HeaderDriver DoesNotContain(string text)
    {
        string line = Line;
        Assert.False(line.Contains(text, StringComparison.Ordinal), $"the header \"{line.TrimEnd()}\" contains \"{text}\"");
        return this;
    }

    public HeaderDriver Matches(TextMatcher matcher)
    {
        string line = Line;
        Assert.True(matcher.Test(line), $"the header \"{line.TrimEnd()}\" does not match: {matcher}");
        return this;
    }
}
