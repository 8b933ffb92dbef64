using BatchTui.Core.Watch;
using System.CommandLine;

namespace BatchTui.Cli;

/// <summary>
/// <c>batchtui watch ID…</c>: follows batches until they end, progress on stderr, the final batches on stdout in the
/// chosen format; the exit code says how they ended (the most serious outcome across the batches).
/// </summary>
internal static class WatchCommand
{
    public static Command Build(CliOptions config, CliIo io, CancellationToken ct)
    {
        var ids = config.Ids("batch ids (msgbatch_…)");
        var timeout = new Option<string?>("--timeout") { Description = "give up after this long: 90s, 10m, 2h, 1h30m (seconds when no unit; default: no limit). The HTTP timeout comes from the config here", HelpName = "DURATION" };
        var interval = new Option<string?>("--interval") { Description = "time between polls (default 5s); doubles up to 60s while the API answers 429/5xx or not at all", HelpName = "DURATION" };
        var notify = new Option<bool>("--notify") { Description = "when each batch ends: bell + desktop notification (OSC 9 / OSC 777; through tmux passthrough when $TMUX is set)" };
        var format = CliOptions.Format("auto", "table", "json", "jsonl");
        var command = new Command("watch", """
            Follow batches until they end: one progress line per batch on stderr (counts, elapsed, expires-in), redrawn
            in place on a terminal and one line per change when piped. At the end stdout gets the batches (table, or
            json / jsonl). Backs off on 429 / 5xx / no answer.
            Exit codes (the most serious across the batches): 0 every request succeeded, 7 some errored or expired,
            8 a batch was canceled, 9 --timeout came first, 5 unknown batch, 1 other API errors, 2 usage.
            """) { ids, timeout, interval, notify, format };
        config.AddTo(command, withTimeout: false);
        command.SetAction(async (parsed, _) =>
        {
            var session = new CliSession("watch", io);
            if (session.Load(config.ToConfigArgs(parsed)) is not { } options) return CliExit.Usage;
            TimeSpan? limit = null;
            TimeSpan every = TimeSpan.FromSeconds(5);
            if (parsed.GetValue(timeout) is { } t)
            {
                if (!DurationText.TryParse(t, out TimeSpan v)) { session.Error($"--timeout '{t}' is not a duration (90s, 10m, 2h)"); return CliExit.Usage; }
                limit = v;
            }
            if (parsed.GetValue(interval) is { } i)
            {
                if (!DurationText.TryParse(i, out every)) { session.Error($"--interval '{i}' is not a duration (5s, 1m)"); return CliExit.Usage; }
            }
            string[] wanted = parsed.GetValue(ids)!.Distinct(StringComparer.Ordinal).ToArray();
            string fmt = BatchOutput.Resolve(parsed.GetValue(format)!, io);
            bool ring = parsed.GetValue(notify);
            return await session.GuardAsync(async () =>
            {
                await using var connection = await session.ConnectAsync(options, ct);
                var watcher = new BatchWatcher(connection.Api, io.Time) { Interval = every, Timeout = limit };
                var display = new WatchDisplay(io, wanted);
                watcher.Changed += display.Changed;
                watcher.Waiting += display.Waiting;
                if (ring) watcher.Changed += w => Notify(io, w);
                IReadOnlyList<WatchedBatch> end = await watcher.RunAsync(wanted, ct);
                var seen = end.Where(w => w.Batch is not null).Select(w => w.Batch!).ToList();
                if (seen.Count > 0) BatchOutput.Write(io, seen, fmt, many: wanted.Length > 1, BatchOutput.Row);
                return Code(end.Select(w => w.Outcome ?? WatchOutcome.Failed).MaxBy(o => o.Severity()));
            }, ct);
        });
        return command;
    }

    public static int Code(WatchOutcome o) => o switch
    {
        WatchOutcome.Succeeded => CliExit.Ok,
        WatchOutcome.SomeFailed => CliExit.SomeFailed,
        WatchOutcome.Canceled => CliExit.Canceled,
        WatchOutcome.TimedOut => CliExit.TimedOut,
        WatchOutcome.NotFound => CliExit.NotFound,
        _ => CliExit.Failed,
    };

    private static void Notify(CliIo io, WatchedBatch w)
    {
        if (!io.ErrIsTerminal || w.Outcome is not (WatchOutcome.Succeeded or WatchOutcome.SomeFailed or WatchOutcome.Canceled) || w.Batch is not { } b) return;
        var c = b.Counts;
        string body = $"{w.Id} ended: {c.Succeeded} succeeded, {c.Errored} errored, {c.Canceled} canceled, {c.Expired} expired";
        io.Err.Write(BatchTui.Core.Text.TerminalNotify.Sequence("batchtui", body, tmux: !string.IsNullOrEmpty(io.Var("TMUX"))));
        io.Err.Flush();
    }
}
