using BatchTui.Core.Api;
using BatchTui.Core.Text;
using BatchTui.Core.Watch;

namespace BatchTui.Cli;

/// <summary>
/// <c>watch</c>'s progress on stderr: one line per batch (status, counts, elapsed, expires-in). On a terminal the
/// block is redrawn in place (cursor up, clear line) at every poll; piped, a line is written only when a batch
/// changes, so a log reads as a history.
/// </summary>
internal sealed class WatchDisplay(CliIo io, IReadOnlyList<string> ids)
{
    private readonly Dictionary<string, WatchedBatch> _latest = new(StringComparer.Ordinal);
    private string? _note;
    private int _drawn;

    public void Changed(WatchedBatch w)
    {
        _latest[w.Id] = w;
        if (io.ErrIsTerminal) Redraw();
        else io.Err.WriteLine(Line(w));
        io.Err.Flush();
    }

    public void Waiting(TimeSpan pause, string? why)
    {
        string? note = why is null ? null : $"the API answered {why}; next try in {RelativeTime.Precise(pause)}";
        if (io.ErrIsTerminal) { _note = note; Redraw(); }
        else if (note is not null && note != _note) { _note = note; io.Err.WriteLine(CliText.Safe(note)); }
        else if (note is null) _note = null;
        io.Err.Flush();
    }

    private void Redraw()
    {
        if (_drawn > 0) io.Err.Write($"\u001b[{_drawn}A");
        int lines = 0;
        foreach (string id in ids.Distinct(StringComparer.Ordinal))
        {
            io.Err.Write("\r\u001b[2K");
            io.Err.WriteLine(_latest.TryGetValue(id, out var w) ? Line(w) : $"{CliText.Safe(id)}  waiting for the first answer");
            lines++;
        }
        io.Err.Write("\r\u001b[2K");
        if (_note is not null) { io.Err.WriteLine(CliText.Safe(_note)); lines++; }
        else if (_drawn > lines) { io.Err.WriteLine(); lines++; }
        _drawn = lines;
    }

    public string Line(WatchedBatch w)
    {
        string id = CliText.Safe(w.Id);
        string elapsed = RelativeTime.Precise(w.Elapsed);
        if (w.Outcome is WatchOutcome.NotFound or WatchOutcome.Failed) return $"{id}  {CliText.Safe(w.Problem)}";
        if (w.Batch is not { } b) return $"{id}  {(w.Outcome == WatchOutcome.TimedOut ? $"timed out after {elapsed} before the first answer" : "waiting")}";
        RequestCounts c = b.Counts;
        string counts = $"{BatchOutput.N(c.Succeeded)} succeeded, {BatchOutput.N(c.Errored)} errored, {BatchOutput.N(c.Canceled)} canceled, {BatchOutput.N(c.Expired)} expired";
        return w.Outcome switch
        {
            WatchOutcome.TimedOut => $"{id}  timed out after {elapsed}: still {BatchOutput.Status(b)}, {BatchOutput.N(c.Processing)} of {BatchOutput.N(c.Total)} processing",
            null => $"{id}  {BatchOutput.Status(b)}  {BatchOutput.N(c.Processing)} of {BatchOutput.N(c.Total)} processing  " +
                    $"elapsed {elapsed}  expires {RelativeTime.FromPrecise(b.ExpiresAt, io.Time.GetUtcNow())}",
            _ => $"{id}  {Ended(w.Outcome.Value)}: {counts}  after {elapsed}",
        };
    }

    private static string Ended(WatchOutcome o) => o switch
    {
        WatchOutcome.Succeeded => "ended, all succeeded",
        WatchOutcome.SomeFailed => "ended with failures",
        WatchOutcome.Canceled => "ended, canceled",
        _ => o.ToString(),
    };
}
