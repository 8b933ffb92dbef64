using BatchTui.Core.Api;
using BatchTui.Tui.Text;

namespace BatchTui.Tui.Batches;

public static class StatusTone
{
    public static Tone Of(BatchStatus s) => s switch
    {
        BatchStatus.InProgress => Tone.InProgress,
        BatchStatus.Canceling => Tone.Canceling,
        BatchStatus.Ended => Tone.Ended,
        _ => Tone.UnknownStatus,
    };
}
