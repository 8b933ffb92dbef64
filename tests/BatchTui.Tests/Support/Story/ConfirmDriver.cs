namespace BatchTui.Tests.Support;

/// <summary>
/// The confirmation box (the one modal thing: y confirms, n/Esc backs out). A story says what it asks before
/// answering: <see cref="Yes"/> and <see cref="No"/> fail unless <see cref="Title"/> and <see cref="Content"/> were
/// checked, so no test confirms a question it never read.
/// </summary>
public sealed class ConfirmDriver
{
    private readonly Story _t;
    private bool _titleChecked, _contentChecked;

    internal ConfirmDriver(Story t)
    {
        _t = t;
        _ = Box();
    }

    private ScreenText.Box Box()
    {
        IReadOnlyList<string> lines = _t.Lines();
        return ScreenText.DoubleBox(lines) ?? throw new Xunit.Sdk.XunitException(
            $"expected a confirmation box; screen:\n{string.Join('\n', lines)}");
    }

    public ConfirmDriver Title(TextMatcher title)
    {
        ScreenText.Box box = Box();
        Assert.True(title.Test(box.Title), $"the confirmation is titled \"{box.Title}\"; expected: {title}");
        _titleChecked = true;
        return this;
    }

    /// <summary>Some line of the question matches (call once per line to check several).</summary>
    public ConfirmDriver Content(TextMatcher line)
    {
        ScreenText.Box box = Box();
        Assert.True(box.Inner.Any(l => line.Test(l)),
            $"no line of the confirmation \"{box.Title}\" matches: {line}; it says:\n{string.Join('\n', box.Inner.Select(l => l.TrimEnd()))}");
        _contentChecked = true;
        return this;
    }

    public Story Yes() => Answer("y");

    public Story No() => Answer("n");

    /// <summary>Backs out with Esc.</summary>
    public Story Cancel() => Answer(Terminal.Gui.Input.Key.Esc);

    private Story Answer(object key)
    {
        Assert.True(_titleChecked && _contentChecked, "check the confirmation's Title() and Content() before answering it");
        _t.Press(key);
        return _t.NoConfirm();
    }
}
