using BatchTui.Core.Text;

namespace BatchTui.Tui.Text;

/// <summary>A run of text in one tone.</summary>
public readonly record struct Span(string Text, Tone Tone = Tone.Normal);

/// <summary>One screen line as spans; <see cref="Text"/> is what a user (or a snapshot) reads.</summary>
public sealed class StyledLine(IReadOnlyList<Span> spans)
{
    public IReadOnlyList<Span> Spans { get; } = spans;
    public string Text => string.Concat(Spans.Select(s => s.Text));
    public static StyledLine Of(string text, Tone tone = Tone.Normal) => new([new Span(text, tone)]);
    public static StyledLine Empty { get; } = new([]);
    public override string ToString() => Text;
}

/// <summary>
/// Builds a <see cref="StyledLine"/> piece by piece. Every piece passes through <see cref="UntrustedText.ForTerminal"/>
/// (ids, statuses and messages come from the API), and <see cref="Length"/> counts display columns.
/// </summary>
public sealed class LineBuilder
{
    private readonly List<Span> _spans = [];
    /// <summary>The line's width in columns.</summary>
    public int Length { get; private set; }

    public LineBuilder Add(string text, Tone tone = Tone.Normal)
    {
        if (text.Length == 0) return this;
        text = UntrustedText.ForTerminal(text);
        _spans.Add(new Span(text, tone));
        Length += TextWidth.Of(text);
        return this;
    }

    public LineBuilder Add(IEnumerable<Span> spans)
    {
        foreach (Span s in spans) Add(s.Text, s.Tone);
        return this;
    }

    /// <summary>Adds <paramref name="text"/> cut or padded to exactly <paramref name="width"/> columns.</summary>
    public LineBuilder Cell(string text, int width, Tone tone = Tone.Normal, bool right = false) =>
        Add(Fit(text, width, right), tone);

    public StyledLine Build() => new(_spans.ToList());

    /// <summary>Exactly <paramref name="width"/> columns: cut by grapheme with an ellipsis, or padded.</summary>
    public static string Fit(string text, int width, bool right = false) =>
        TextWidth.Fit(UntrustedText.ForTerminal(text), width, right);
}
