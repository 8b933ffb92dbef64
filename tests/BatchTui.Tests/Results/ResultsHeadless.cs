using BatchTui.Tests.Support;
using System.Runtime.CompilerServices;
using Terminal.Gui.App;
using Terminal.Gui.Drivers;
using Terminal.Gui.Input;
using Terminal.Gui.Testing;
using Terminal.Gui.Time;

namespace BatchTui.Tests.Results;

/// <summary>Terminal.Gui keeps some process-wide state (themes, bindings): these tests run one at a time.</summary>
[CollectionDefinition("Results UI", DisableParallelization = true)]
public sealed class ResultsUiCollection;

/// <summary>A real Terminal.Gui application on the ANSI driver with no terminal, on virtual time.</summary>
internal sealed class ResultsHeadless : IDisposable
{
    private readonly UiThread _thread = UiThread.Capture();

    public VirtualTimeProvider Time { get; } = new();
    public IApplication App { get; }

    public ResultsHeadless(int cols, int rows)
    {
        App = Application.Create(Time).Init(DriverRegistry.Names.ANSI);
        App.Driver!.SetScreenSize(cols, rows);
        _thread.Release();
    }

    public string Screen()
    {
        App.LayoutAndDraw(true);
        return _thread.Release(App.Driver!.ToString()!);
    }

    public string[] Lines() => Screen().Split(Environment.NewLine)[..^1];

    /// <summary>Runs what background work queued on the UI loop (Invoke) and due timers.</summary>
    public void Pump(TimeSpan? advance = null)
    {
        if (advance is { } a) Time.Advance(a);
        App.TimedEvents!.RunTimers();
        _thread.Release();
    }

    /// <summary>Begins a session on <paramref name="view"/> (does not block) and gives the test its context back.</summary>
    public SessionToken Begin(IRunnable view) => _thread.Release(App.Begin(view)!);

    public void End(SessionToken token)
    {
        App.End(token);
        _thread.Release();
    }

    /// <summary>Pumps the loop until <paramref name="done"/> holds; the work it waits for runs on other threads.</summary>
    /// <remarks>Not async itself: an async method restores its caller's context when it first yields, which would undo
    /// the release.</remarks>
    public Task PumpUntil(Func<bool> done, string what)
    {
        _thread.Release();
        return PumpUntilCore(done, what);
    }

    private async Task PumpUntilCore(Func<bool> done, string what)
    {
        for (int i = 0; i < 2000; i++)
        {
            Pump();
            if (done()) return;
            await Task.Yield();
            if (i > 50) await Task.Delay(1); // real background I/O (index, HTTP) is under way
        }
        throw new TimeoutException($"never happened: {what}\n{Screen()}");
    }

    public void Press(params Key[] keys)
    {
        foreach (Key k in keys) App.InjectKey(k);
        Pump();
    }

    public void Type(string text)
    {
        foreach (char c in text) App.InjectKey(new Key(c));
        Pump();
    }

    public void Dispose()
    {
        App.Dispose();
        _thread.Release();
    }
}

/// <summary>Approved-file snapshots: compares with <c>__snapshots__/name.txt</c>; on mismatch writes <c>name.received.txt</c>.</summary>
internal static class Snapshot
{
    public static void Match(string name, string actual, [CallerFilePath] string caller = "")
    {
        string dir = Path.Combine(Path.GetDirectoryName(caller)!, "__snapshots__");
        string approved = Path.Combine(dir, name + ".txt");
        string received = Path.Combine(dir, name + ".received.txt");
        string normalized = string.Join("\n", actual.Replace("\r\n", "\n").Split('\n').Select(l => l.TrimEnd())).TrimEnd('\n') + "\n";
        if (File.Exists(approved) && File.ReadAllText(approved).Replace("\r\n", "\n") == normalized)
        {
            if (File.Exists(received)) File.Delete(received);
            return;
        }
        Directory.CreateDirectory(dir);
        File.WriteAllText(received, normalized);
        Assert.Fail(File.Exists(approved)
            ? $"screen differs from {approved}; see {received}"
            : $"no approved snapshot {approved}; review {received} and rename it to approve");
    }
}
