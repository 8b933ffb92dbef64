using Terminal.Gui.Input;

namespace BatchTui.Tests.Support;

/// <summary>The help overlay (<c>?</c>, <c>F1</c>): the keys of the pane below and the global ones, as listed.</summary>
public sealed class HelpDriver
{
    private readonly Story _t;

    internal HelpDriver(Story t)
    {
        _t = t;
        _ = Frame();
    }

    private ScreenText.Box Frame()
    {
        IReadOnlyList<string> lines = _t.Lines();
        return ScreenText.Frame(lines, "Help: ") ?? throw new Xunit.Sdk.XunitException($"help is not on screen:\n{string.Join('\n', lines)}");
    }

    /// <summary>Help for this pane: the title starts "Help: Batches".</summary>
    public HelpDriver For(string pane)
    {
        string title = Frame().Title;
        Assert.True(title.StartsWith($"Help: {pane}", StringComparison.Ordinal), $"help is titled \"{title}\", expected \"Help: {pane}…\"");
        return this;
    }

    /// <summary>Some line of help (as far as the overlay shows without scrolling) contains <paramref name="text"/>.</summary>
    public HelpDriver Contains(string text)
    {
        ScreenText.Box f = Frame();
        Assert.True(f.Inner.Any(l => l.Contains(text, StringComparison.Ordinal)),
            $"no line of help contains \"{text}\"; it shows:\n{string.Join('\n', f.Inner.Select(l => l.TrimEnd()))}");
        return this;
    }

    public HelpDriver DoesNotContain(string text)
    {
        ScreenText.Box f = Frame();
        Assert.False(f.Inner.Any(l => l.Contains(text, StringComparison.Ordinal)),
            $"a line of help contains \"{text}\"; it shows:\n{string.Join('\n', f.Inner.Select(l => l.TrimEnd()))}");
        return this;
    }

    /// <summary>A key's row: its keys, then what it does ("c", "cancel the batch").</summary>
    public HelpDriver Key(string keys, string description)
    {
        ScreenText.Box f = Frame();
        Assert.True(f.Inner.Any(l => l.TrimStart().StartsWith(keys + " ", StringComparison.Ordinal) && l.Contains(description, StringComparison.Ordinal)),
            $"help has no row \"{keys} … {description}\"; it shows:\n{string.Join('\n', f.Inner.Select(l => l.TrimEnd()))}");
        return this;
    }

    /// <summary>Closes help with Esc.</summary>
    public Story Close() => _t.Press(Terminal.Gui.Input.Key.Esc);
}
