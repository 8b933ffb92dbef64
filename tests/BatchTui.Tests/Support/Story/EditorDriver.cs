using Terminal.Gui.Input;

namespace BatchTui.Tests.Support;

/// <summary>
/// The request editor (<c>n</c>): its mode line ("[Form] Raw · …"), the form with the focused field's label marked
/// <c>▸</c> (a glyph, so focus reads in every theme, mono and NO_COLOR included), problems and hints, as text.
/// </summary>
public sealed class EditorDriver
{
    /// <summary>The mark before the focused field's label.</summary>
    public const char FocusMark = '▸';
    private readonly Story _t;

    internal EditorDriver(Story t)
    {
        _t = t;
        IReadOnlyList<string> lines = t.Lines();
        Assert.True(lines.Count > 1 && (lines[1].StartsWith("[Form] Raw", StringComparison.Ordinal) || lines[1].StartsWith("Form [Raw]", StringComparison.Ordinal)),
            $"the request editor is not on screen:\n{string.Join('\n', lines)}");
    }

    /// <summary>The mode line says this ("[Form] Raw", "not checked yet").</summary>
    public EditorDriver Mode(string text)
    {
        string line = _t.Lines()[1];
        Assert.True(line.Contains(text, StringComparison.Ordinal), $"the editor's mode line is \"{line.TrimEnd()}\", expected \"{text}\"");
        return this;
    }

    /// <summary>Exactly one label on screen carries the focus mark, and it is <paramref name="label"/>'s.</summary>
    public EditorDriver Focused(string label)
    {
        IReadOnlyList<string> lines = _t.Lines();
        var marked = lines.Where(l => l.Contains(FocusMark)).ToList();
        Assert.True(marked.Count == 1 && marked[0].Contains($"{FocusMark}{label}", StringComparison.Ordinal),
            $"expected only \"{label}\" marked {FocusMark} as focused; screen:\n{string.Join('\n', lines)}");
        return this;
    }

    /// <summary>Focus moves to the next field.</summary>
    public EditorDriver Tab()
    {
        _t.Press(Key.Tab);
        return this;
    }

    /// <summary>Focus moves to the previous field.</summary>
    public EditorDriver BackTab()
    {
        _t.Press(Key.Tab.WithShift);
        return this;
    }

    /// <summary>Types into the focused field.</summary>
    public EditorDriver Type(string text)
    {
        _t.Type(text);
        return this;
    }

    public EditorDriver Contains(string text)
    {
        _t.Sees(text);
        return this;
    }

    public EditorDriver DoesNotContain(string text)
    {
        _t.DoesNotSee(text);
        return this;
    }

    /// <summary>Back to the pane below (Esc).</summary>
    public Story Close() => _t.Press(Key.Esc);
}
