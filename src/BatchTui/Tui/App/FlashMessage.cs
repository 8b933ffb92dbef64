using BatchTui.Tui.Rendering;

namespace BatchTui.Tui.App;

/// <summary>The flash bar's message: info stays a few seconds, an error until the next message.</summary>
public sealed record FlashMessage(string Text, bool IsError, DateTimeOffset At)
{
    public static readonly TimeSpan InfoLifetime = TimeSpan.FromSeconds(8);

    public bool ShownAt(DateTimeOffset now) => IsError || now - At < InfoLifetime;

    public StyledLine Render() => IsError
        ? new LineBuilder().Add(" ✗ ", Tone.Error).Add(Text, Tone.Error).Build()
        : new LineBuilder().Add(" • ", Tone.Accent).Add(Text).Build();
}
