using BatchTui.Tui.Text;


namespace BatchTui.Tui.Shell;

/// <summary>
/// The flash bar's message: info stays a few seconds, an error until the next message. It belongs to the pane that
/// raised it (<see cref="Owner"/>, null before any pane): it shows only while that pane is on top and goes when that
/// pane closes or another is pushed over it.
/// </summary>
public sealed record FlashMessage(string Text, bool IsError, DateTimeOffset At, IPane? Owner = null)
{
    public static readonly TimeSpan InfoLifetime = TimeSpan.FromSeconds(8);

    public bool ShownAt(DateTimeOffset now) => IsError || now - At < InfoLifetime;

    public StyledLine Render() => IsError
        ? new LineBuilder().Add(" ✗ ", Tone.Error).Add(Text, Tone.Error).Build()
        : new LineBuilder().Add(" • ", Tone.Accent).Add(Text).Build();
}
