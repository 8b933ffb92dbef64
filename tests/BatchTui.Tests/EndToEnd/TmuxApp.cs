using System.Diagnostics;

namespace BatchTui.Tests.EndToEnd;

/// <summary>
/// The built app in a real terminal: a detached tmux session of a given size running <c>dotnet batchtui.dll …</c>
/// with a private HOME and XDG dirs (or, with <c>BATCHTUI_E2E_EXE</c> set, that executable: how the native build is
/// checked, see bench/tui/native-smoke.sh). Keys go in with <c>send-keys</c>; the screen comes back with
/// <c>capture-pane</c>. Waits poll the screen (a real process on a real clock) up to a bound, then fail with the
/// screen in the message. When the app exits the pane keeps a line <c>[exited N]</c>.
/// </summary>
internal sealed class TmuxApp : IDisposable
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(30);
    private readonly string _session = "bt-e2e-" + Guid.NewGuid().ToString("N")[..8];

    private TmuxApp(string home) => Home = home;

    /// <summary>The private HOME (also XDG_CONFIG/STATE/CACHE_HOME under it).</summary>
    public string Home { get; }

    /// <summary>The exe's assembly, copied next to the tests by the project reference.</summary>
    public static string AppDll => Path.Combine(AppContext.BaseDirectory, "batchtui.dll");

    /// <summary>The command line that starts the app: the built assembly, or the executable the variable names.</summary>
    private static string AppCommand =>
        Environment.GetEnvironmentVariable("BATCHTUI_E2E_EXE") is { Length: > 0 } exe ? Quote(exe) : $"dotnet {Quote(AppDll)}";

    public static TmuxApp Start(string home, string arguments, IReadOnlyDictionary<string, string> env, int cols = 120, int rows = 35,
        string term = "xterm-256color")
    {
        var app = new TmuxApp(home);
        var vars = new Dictionary<string, string>
        {
            ["HOME"] = home,
            ["XDG_CONFIG_HOME"] = Path.Combine(home, ".config"),
            ["XDG_STATE_HOME"] = Path.Combine(home, ".local", "state"),
            ["XDG_CACHE_HOME"] = Path.Combine(home, ".cache"),
            ["TERM"] = term,
            ["DOTNET_NOLOGO"] = "1",
        };
        foreach (var (k, v) in env) vars[k] = v;
        var args = new List<string> { "new-session", "-d", "-s", app._session, "-x", cols.ToString(), "-y", rows.ToString() };
        foreach (var (k, v) in vars) { args.Add("-e"); args.Add($"{k}={v}"); }
        // env -u: the tmux server may have been started by a test host that set it.
        // CR LF first: after a kill the tty may still be raw (no CR on LF) with the cursor at the end of a screen line,
        // which would wrap the marker.
        args.Add($"env -u DisableRealDriverIO {AppCommand} {arguments}; rc=$?; printf '\\r\\n[exited %s]\\r\\n' $rc; sleep 600");
        // Killing the last session stops the tmux server; a start that races with that shutdown is tried again.
        for (int attempt = 1; ; attempt++)
        {
            try
            {
                Tmux(args);
                return app;
            }
            catch (InvalidOperationException e) when (attempt < 5 && e.Message.Contains("server exited", StringComparison.Ordinal))
            {
                Thread.Sleep(200);
            }
        }
    }

    public string Screen() => Tmux(["capture-pane", "-p", "-t", _session]);

    /// <summary>Sends tmux key names (<c>Enter</c>, <c>Escape</c>, <c>C-c</c>) or literal text (<c>-l</c>).</summary>
    public TmuxApp Keys(params string[] keys)
    {
        Tmux(["send-keys", "-t", _session, .. keys]);
        return this;
    }

    public TmuxApp Type(string text)
    {
        Tmux(["send-keys", "-t", _session, "-l", text]);
        return this;
    }

    /// <summary>Waits until some line of the screen contains <paramref name="text"/>; returns the screen.</summary>
    public string WaitFor(string text) => WaitUntil(s => s.Contains(text, StringComparison.Ordinal), $"\"{text}\" on screen");

    public string WaitForGone(string text) => WaitUntil(s => !s.Contains(text, StringComparison.Ordinal), $"\"{text}\" gone");

    public string WaitUntil(Func<string, bool> done, string what)
    {
        var clock = Stopwatch.StartNew();
        string screen = "";
        while (clock.Elapsed < Bound)
        {
            screen = Screen();
            if (done(screen)) return screen;
            Thread.Sleep(100);
        }
        throw new TimeoutException($"never saw {what} within {Bound.TotalSeconds:0} s; screen:\n{screen}");
    }

    /// <summary>Waits for the app to exit and returns its exit code.</summary>
    public int WaitForExit()
    {
        string screen = WaitFor("[exited ");
        string tail = screen[(screen.LastIndexOf("[exited ", StringComparison.Ordinal) + 8)..];
        return int.Parse(tail[..tail.IndexOf(']')]);
    }

    /// <summary>Kills the app with SIGKILL (no chance to clean up), as a crash or an OOM kill would.</summary>
    public void KillHard()
    {
        foreach (int child in AppPids()) Process.GetProcessById(child).Kill();
    }

    /// <summary>The app's process ids: the pane runs sh, which runs the app as its child.</summary>
    public IReadOnlyList<int> AppPids()
    {
        int shell = int.Parse(Format("#{pane_pid}"));
        return File.ReadAllText($"/proc/{shell}/task/{shell}/children").Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(int.Parse).ToList();
    }

    /// <summary>Sends a signal (HUP, QUIT, TERM, …) to the app, as <c>kill -NAME</c> would.</summary>
    public void Signal(string name)
    {
        foreach (int pid in AppPids())
        {
            using Process kill = Process.Start("kill", ["-" + name, pid.ToString()]);
            kill.WaitForExit();
        }
    }

    /// <summary>A tmux format of the pane, e.g. <c>#{alternate_on}</c> (1 while the app has the alternate screen).</summary>
    public string Format(string format) => Tmux(["display-message", "-p", "-t", _session, format]).Trim();

    /// <summary>The pane's terminal settings as <c>stty -a</c> prints them.</summary>
    public string Stty()
    {
        var psi = new ProcessStartInfo("stty") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (string a in (string[])["-a", "-F", Format("#{pane_tty}")]) psi.ArgumentList.Add(a);
        using Process p = Process.Start(psi)!;
        string output = p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        return output;
    }

    public void Dispose()
    {
        try { Tmux(["kill-session", "-t", _session]); } catch (InvalidOperationException) { }
    }

    private static string Quote(string s) => "'" + s.Replace("'", "'\\''") + "'";

    private static string Tmux(IEnumerable<string> args)
    {
        var psi = new ProcessStartInfo("tmux") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (string a in args) psi.ArgumentList.Add(a);
        using Process p = Process.Start(psi)!;
        string output = p.StandardOutput.ReadToEnd();
        string error = p.StandardError.ReadToEnd();
        p.WaitForExit();
        if (p.ExitCode != 0) throw new InvalidOperationException($"tmux {string.Join(' ', psi.ArgumentList)}: {error.Trim()}");
        return output;
    }
}
