using Terminal.Gui.Input;

namespace BatchTui.Tests.Support;

/// <summary>
/// The one-line prompt in the flash bar's row (<c>/</c> filter, <c>:</c> jump, file names): the label, what is typed,
/// Enter or Esc. Made after the key that opens it, which the story presses first: <c>t.Press("/")</c>.
/// </summary>
public sealed class PromptDriver
{
    private readonly Story _t;
    private readonly string _label;

    internal PromptDriver(Story t, string label)
    {
        _t = t;
        _label = label;
        string row = Row;
        Assert.True(row.StartsWith(label, StringComparison.Ordinal), $"expected the prompt \"{label}\" in the flash row, which is \"{row.TrimEnd()}\"");
    }

    private string Row => _t.Lines()[^2];

    /// <summary>What the prompt holds after its label.</summary>
    public string Value => Row[_label.Length..].TrimEnd();

    public PromptDriver Type(string text)
    {
        _t.Type(text);
        return this;
    }

    public PromptDriver Clear()
    {
        for (int i = Value.Length; i > 0; i--) _t.Press(Key.Backspace);
        return this;
    }

    public PromptDriver HasValue(string text)
    {
        Assert.Equal(text, Value);
        return this;
    }

    /// <summary>Accepts; the prompt gives the row back to the flash bar.</summary>
    public Story Enter() => Close(Key.Enter);

    /// <summary>Backs out with Esc.</summary>
    public Story Cancel() => Close(Key.Esc);

    private Story Close(Key key)
    {
        _t.Press(key);
        return _t;
    }
}
