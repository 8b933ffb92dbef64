namespace BatchTui.Tests.Support;

/// <summary>The flash bar (the line above the hints): the last message of the pane on top, or nothing.</summary>
public sealed class FlashDriver(Story t)
{
    /// <summary>The flash bar's text as shown.</summary>
    public string Text => t.Lines()[^2].TrimEnd();

    public FlashDriver Contains(string text)
    {
        string line = Text;
        Assert.True(line.Contains(text, StringComparison.Ordinal), $"the flash bar is \"{line}\", expected \"{text}\"");
        return this;
    }

    public FlashDriver DoesNotContain(string text)
    {
        string line = Text;
        Assert.False(line.Contains(text, StringComparison.Ordinal), $"the flash bar still says \"{line}\"");
        return this;
    }

    public FlashDriver IsEmpty()
    {
        string line = Text;
        Assert.True(line.Trim().Length == 0, $"the flash bar should be empty but says \"{line}\"");
        return this;
    }
}
