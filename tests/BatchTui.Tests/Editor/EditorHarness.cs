using BatchTui.Tests.Support;
using BatchTui.Tui.Shell;
using Terminal.Gui.App;
using Terminal.Gui.Drivers;
using Terminal.Gui.Input;
using Terminal.Gui.Testing;
using Terminal.Gui.Time;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;

namespace BatchTui.Tests.Editor;

/// <summary>
/// A headless Terminal.Gui app with a minimal shell around one pushed pane: keys go to the focused view, then to the
/// top pane's key map (read-only applied), then Esc pops — the same order as the app's shell.
/// </summary>
internal sealed class EditorHarness : IDisposable, IShell
{
    private readonly Window _top;
    private readonly SessionToken? _token;
    private readonly List<IPane> _stack = [];
    private readonly UiThread _thread = UiThread.Capture();

    public EditorHarness(int cols = 100, int rows = 30, bool readOnly = false)
    {
        ReadOnly = readOnly;
        App = Application.Create(Time).Init(DriverRegistry.Names.ANSI);
        App.Driver!.SetScreenSize(cols, rows);
        _top = new ShellWindow(this) { Width = Dim.Fill(), Height = Dim.Fill(), BorderStyle = Terminal.Gui.Drawing.LineStyle.None };
        _token = App.Begin(_top);
        _thread.Release();
    }

    public VirtualTimeProvider Time { get; } = new();
    public IApplication App { get; }
    public bool ReadOnly { get; }
    public List<string> Flashes { get; } = [];
    public IReadOnlyList<IPane> Panes => _stack;
    public string LastFlash => Flashes.Count > 0 ? Flashes[^1] : "";

    public void Push(IPane pane)
    {
        if (_stack.Count > 0) _stack[^1].View.Visible = false;
        _stack.Add(pane);
        _top.Add(pane.View);
        pane.View.SetFocus();
    }

    public void Pop()
    {
        if (_stack.Count == 0) return;
        IPane pane = _stack[^1];
        _stack.RemoveAt(_stack.Count - 1);
        _top.Remove(pane.View);
        pane.View.Dispose();
        if (_stack.Count > 0) _stack[^1].View.Visible = true;
    }

    public void Flash(string message) => Flashes.Add(message);
    public void FlashError(Exception error) => Flashes.Add("ERROR " + error.Message);

    public string Screen()
    {
        App.LayoutAndDraw(true);
        return _thread.Release(App.Driver!.ToString()!);
    }

    public void Press(Key key)
    {
        App.InjectKey(key);
        _thread.Release();
    }

    public void Type(string text)
    {
        foreach (char c in text)
            App.InjectKey(c switch { '\n' => Key.Enter, ' ' => Key.Space, _ => new Key(c) });
        _thread.Release();
    }

    /// <summary>Runs due timers (and queued Invokes), optionally after moving the virtual clock.</summary>
    public void Pump(TimeSpan? advance = null)
    {
        if (advance is { } a) Time.Advance(a);
        App.TimedEvents!.RunTimers();
        _thread.Release();
    }

    /// <summary>Waits for the pane's background work (real I/O), then runs what it queued on the UI loop.</summary>
    /// <remarks>Not async itself: an async method restores its caller's context when it first yields (see <see cref="UiThread"/>).</remarks>
    public Task Settle(Func<Task> idle)
    {
        _thread.Release();
        return SettleCore(idle);
    }

    private async Task SettleCore(Func<Task> idle)
    {
        for (int i = 0; i < 5; i++)
        {
            Task t = idle();
            // A safety net, not a wait: real I/O finishes in milliseconds; a hang fails the test instead of the run.
            if (await Task.WhenAny(t, Task.Delay(TimeSpan.FromSeconds(20))) != t) throw new TimeoutException("background work did not finish");
            Pump();
        }
    }

    /// <summary>Schedules <paramref name="inModal"/> to run inside the next modal loop (a dialog's nested Run).</summary>
    public void WhenModalOpens(Action inModal) =>
        App.AddTimeout(TimeSpan.Zero, () =>
        {
            inModal();
            return false;
        });

    public void Dispose()
    {
        if (_token is not null) App.End(_token);
        _top.Dispose();
        App.Dispose();
        _thread.Release();
    }

    /// <summary>Dispatches the top pane's actions after the focused view had its chance, like the app's shell.</summary>
    private sealed class ShellWindow(EditorHarness h) : Window
    {
        protected override bool OnKeyDown(Key key)
        {
            if (h._stack.Count == 0) return false;
            if (new KeyMap(h._stack[^1].Actions, h.ReadOnly).TryHandle(key)) return true;
            if (key == Key.Esc)
            {
                h.Pop();
                return true;
            }
            return false;
        }
    }
}
