using BatchTui.Tui.Shell;
using BatchTui.Tui.Widgets;

namespace BatchTui.Tui.Batches;

// y (copy id), v (raw JSON), t (local time or UTC).
public sealed partial class BatchesPane
{
    private void CopyId()
    {
        if (Selected is not { } b) return;
        _shell.Copy(b.Id, b.Id);
    }

    private void RawJson()
    {
        if (Selected is { } b) _shell.Push(new RawJsonPane(b));
    }

    private void ToggleZone()
    {
        TimeZoneInfo zone = _shell.ToggleZone();
        Detail.Zone = zone;
        _shell.Flash(zone == TimeZoneInfo.Utc ? "times in UTC" : $"times in local time ({zone.Id})");
    }
}
