using BatchTui.Core.State;
using System.Runtime.InteropServices;
using Terminal.Gui.App;
using Terminal.Gui.Views;

namespace BatchTui.Tui.Shell;

/// <summary>
/// Runs a shell on the real terminal and gives the terminal back on every way out: q, Ctrl+C, the signals INT, TERM,
/// QUIT and HUP (each asks the shell to quit, and leaving <see cref="IApplication.Run"/> disposes the application,
/// which leaves the alternate screen, turns mouse tracking off and restores the tty), and a main loop that keeps
/// failing. An exception the shell's own guards did not catch (a stock view's key handler, a timer) reaches the
/// loop's error hook: it is contained like the others and the loop goes on, unless failures repeat faster than a
/// user could cause them, the sign of a loop that can no longer make progress.
/// </summary>
internal static class TerminalSession
{
    /// <summary>More contained loop failures than this within <see cref="Window"/>: stop instead of spinning.</summary>
    public const int Burst = 50;
    public static readonly TimeSpan Window = TimeSpan.FromSeconds(2);
    /// <summary>After a hang-up the terminal may be gone and disposing can block on its input: exit after this.</summary>
    public static readonly TimeSpan HangUpGrace = TimeSpan.FromSeconds(3);

    /// <summary>Exit code after SIGHUP (128 + 1, as a shell reports it); 70 (EX_SOFTWARE) when the loop gave up.</summary>
    public const int HangUpExit = 129, GaveUpExit = 70;

    /// <summary>Runs <paramref name="shell"/> until it quits, then disposes it and <paramref name="app"/>; returns the exit code.</summary>
    /// <param name="quit">Asks the shell to quit (on the UI thread).</param>
    /// <param name="contain">Contains a failure the loop caught: crash report and error line.</param>
    public static int Run(IApplication app, Runnable shell, Action quit, Action<Exception> contain, CrashLog? crashes, TimeProvider time)
    {
        bool hungUp = false;
        Exception? fatal = null;
        var recent = new Queue<DateTimeOffset>();
        void Stop(PosixSignalContext ctx)
        {
            ctx.Cancel = true;
            if (ctx.Signal == PosixSignal.SIGHUP)
            {
                hungUp = true;
                // The UI thread may never get to it (the terminal is gone): leave anyway after the grace.
                _ = Task.Delay(HangUpGrace, time).ContinueWith(_ => Environment.Exit(HangUpExit), TaskScheduler.Default);
            }
            app.Invoke(quit);
        }
        var signals = new List<PosixSignalRegistration>();
        try
        {
            // Raw mode turns Ctrl+C into a key (handled by the shell); these cover signals sent from outside.
            foreach (PosixSignal s in (PosixSignal[])[PosixSignal.SIGINT, PosixSignal.SIGTERM, PosixSignal.SIGQUIT, PosixSignal.SIGHUP])
                signals.Add(PosixSignalRegistration.Create(s, Stop));
            app.Run(shell, e =>
            {
                contain(e);
                DateTimeOffset now = time.GetUtcNow();
                recent.Enqueue(now);
                while (recent.Count > 0 && now - recent.Peek() > Window) recent.Dequeue();
                if (recent.Count <= Burst) return true;
                fatal = e;
                return false;
            });
        }
        catch (Exception e)
        {
            fatal ??= e;
            crashes?.Write(e, "main loop (gave up)");
        }
        finally
        {
            foreach (PosixSignalRegistration r in signals) r.Dispose();
            // Leaving the session before disposing the shell, and the application last: that restores the terminal.
            // (After a hang-up with the terminal gone this can block on its input: the watchdog above ends the process.)
            shell.Dispose();
            app.Dispose();
        }
        if (hungUp) return HangUpExit;
        if (fatal is null) return 0;
        // The terminal is back: one escaped line, never the stack trace (it can quote untrusted text).
        Console.Error.WriteLine(CrashLog.Escape($"batchtui: stopped after repeated failures: {fatal.GetType().Name}: {fatal.Message}".ReplaceLineEndings(" ")) +
                                (crashes is null ? "" : $" (crash reports in {crashes.Directory})"));
        return GaveUpExit;
    }
}
