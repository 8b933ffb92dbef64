namespace BatchTui.Tui.Text;

/// <summary>
/// What a piece of text means, not how it looks: each theme maps tones to colours (a custom scheme per tone, see
/// <c>themes/</c>), and a mono theme to styles. Text markers carry the meaning too, so nothing relies on colour alone.
/// </summary>
public enum Tone
{
    Normal,
    Dim,
    Label,
    Accent,
    Warning,
    Error,
    InProgress,
    Canceling,
    Ended,
    UnknownStatus,
    Succeeded,
    Errored,
    Canceled,
    Expired,
    Processing,
}
