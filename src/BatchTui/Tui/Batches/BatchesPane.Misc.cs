using BatchTui.Tui.Shell;
using BatchTui.Tui.Widgets;

namespace BatchTui.Tui.Batches;

// y (copy id), v (raw JSON), t (local time or UTC).
public sealed partial class BatchesPane
{
    private void CopyId()
    {
        if (Selected is not { } b) return;
        _shell.Host.Driver?.WriteRaw(Osc52.Sequence(b.Id));
        _shell.Flash($"copied {b.Id}");
    }

    private void RawJson()
    {
        if (Selected is { } b) _shell.Push(new RawJsonPane(b));
    }

    private void ToggleZone()
    {
        _shell.Zone = _shell.Zone == TimeZoneInfo.Utc ? _shell.LocalZone : TimeZoneInfo.Utc;
        Detail.Zone = _shell.Zone;
        _shell.Flash(_shell.Zone == TimeZoneInfo.Utc ? "times in UTC" : $"times in local time ({_shell.Zone.Id})");
        _shell.SetNeedsDraw();
    }
}
