namespace BatchTui.Tests.Support;

/// <summary>The detail of the selected batch (the frame titled "Detail · ID"): field lines as shown.</summary>
public sealed class DetailDriver
{
    private readonly Story _t;

    internal DetailDriver(Story t)
    {
        _t = t;
        _ = Frame();
    }

    private ScreenText.Box Frame()
    {
        IReadOnlyList<string> lines = _t.Lines();
        return ScreenText.Frame(lines, "Detail") ?? throw new Xunit.Sdk.XunitException($"the detail is not on screen:\n{string.Join('\n', lines)}");
    }

    public DetailDriver Title(TextMatcher title)
    {
        ScreenText.Box f = Frame();
        Assert.True(title.Test(f.Title), $"the detail is titled \"{f.Title}\"; expected: {title}");
        return this;
    }

    /// <summary>Some line of the detail contains <paramref name="text"/>.</summary>
    public DetailDriver Contains(string text)
    {
        ScreenText.Box f = Frame();
        Assert.True(f.Inner.Any(l => l.Contains(text, StringComparison.Ordinal)),
            $"no line of the detail contains \"{text}\"; it shows:\n{string.Join('\n', f.Inner.Select(l => l.TrimEnd()))}");
        return this;
    }

    public DetailDriver DoesNotContain(string text)
    {
        ScreenText.Box f = Frame();
        Assert.False(f.Inner.Any(l => l.Contains(text, StringComparison.Ordinal)),
            $"a line of the detail contains \"{text}\"; it shows:\n{string.Join('\n', f.Inner.Select(l => l.TrimEnd()))}");
        return this;
    }

    /// <summary>The detail of batch <paramref name="batchId"/>: its title and its id line.</summary>
    public DetailDriver Of(string batchId) => Title(Matchers.Contains(batchId)).Contains($"id         {batchId}");
}
