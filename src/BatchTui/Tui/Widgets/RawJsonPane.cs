using BatchTui.Core.Api;
using BatchTui.Core.Results.Model;
using BatchTui.Tui.Shell;
using BatchTui.Tui.Text;
using Terminal.Gui.Input;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;

namespace BatchTui.Tui.Widgets;

/// <summary>The batch exactly as the API returned it, pretty-printed (<c>v</c>); text that is not JSON is shown as is.</summary>
public sealed class RawJsonPane : IPane
{
    private readonly TextLinesView _text;

    public RawJsonPane(MessageBatch batch)
    {
        _text = new TextLinesView(Lines(batch.RawJson)) { Width = Dim.Fill(), Height = Dim.Fill() };
        var frame = Frames.Titled($"{batch.Id} · raw JSON", canFocus: true);
        frame.KeyBindings.Clear();
        frame.Add(_text);
        View = frame;
        Title = "Raw JSON";
        Actions = [.. ScrollKeys.For(_text)];
    }

    public string Title { get; }
    public View View { get; }
    public IReadOnlyList<KeyAction> Actions { get; }

    public static IReadOnlyList<StyledLine> Lines(string raw)
    {
        // Bounded like the results' raw view; lines are sanitised when painted.
        const string Rest = "as sent by the API";
        if (Json.TryPretty(raw, out string? why) is not { } pretty)
        {
            // why: not JSON, or a lone surrogate escape ("\ud800") that parses but cannot be re-written.
            return [StyledLine.Of($"not re-indented ({why}); shown as received:", Tone.Warning),
                .. TextCap.Head(raw, Rest, 4 * TextCap.MaxChars).Split('\n').Select(l => StyledLine.Of(l))];
        }
        string text = TextCap.Head(pretty, Rest, 4 * TextCap.MaxChars);
        return text.Split('\n').Select(Colour).ToList();
    }

    // Keys in the label tone, strings accent, the rest normal: enough to read a batch at a glance.
    private static StyledLine Colour(string line)
    {
        int colon = line.IndexOf("\": ", StringComparison.Ordinal);
        if (colon < 0) return StyledLine.Of(line);
        string value = line[(colon + 3)..];
        Tone tone = value.StartsWith('"') ? Tone.Accent : value.StartsWith("null", StringComparison.Ordinal) ? Tone.Dim : Tone.Normal;
        return new LineBuilder().Add(line[..(colon + 2)], Tone.Label).Add(" ").Add(value, tone).Build();
    }
}
