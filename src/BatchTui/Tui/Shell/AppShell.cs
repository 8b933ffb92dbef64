using BatchTui.Core.Api;
using BatchTui.Core.State;
using BatchTui.Tui.Text;
using BatchTui.Tui.Widgets;
using Terminal.Gui.App;
using Terminal.Gui.Input;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;

namespace BatchTui.Tui.Shell;

/// <summary>
/// The application around the panes: header, a stack of full-screen panes (Esc pops), the flash bar, key hints,
/// the help overlay, prompts and the confirmation box. Keys go to the focused view first (so a text box in a pushed
/// pane gets its letters), then to the top pane's <see cref="KeyMap"/>, then to the global actions.
/// </summary>
public sealed class AppShell : Runnable, IShell
{
    private readonly List<IPane> _stack = [];
    private readonly List<KeyMap> _maps = [];
    private readonly PaneHost _body;
    private readonly LineView _header, _flashBar, _hints, _tooSmall;
    private readonly PromptView _prompt;
    private readonly ConfirmView _confirm;
    private readonly TimeProvider _time;
    private readonly CancellationTokenSource _quit = new();
    private readonly List<Task> _pending = [];
    private readonly KeyMap _global;
    private FlashMessage? _flash;
    private int _busy;
    private object? _tick;
    private IPane? _failed;
    private FlashMessage? _failureFlash;

    /// <param name="crashes">Where crash reports of contained failures go; null: none written (the error still shows).</param>
    public AppShell(IApplication app, ShellInfo info, TimeProvider time, ThemeCatalog themes, CrashLog? crashes = null)
    {
        Host = app;
        Guard = new CrashGuard(crashes);
        Info = info;
        _time = time;
        Themes = themes;
        Width = Dim.Fill();
        Height = Dim.Fill();
        CanFocus = true;

        _header = new LineView(HeaderLine) { X = Pos.Func(_ => CurrentLayout.Header.X), Y = Pos.Func(_ => CurrentLayout.Header.Y), Width = Dim.Func(_ => CurrentLayout.Header.Width) };
        _body = new PaneHost
        {
            X = Pos.Func(_ => CurrentLayout.Body.X), Y = Pos.Func(_ => CurrentLayout.Body.Y),
            Width = Dim.Func(_ => CurrentLayout.Body.Width), Height = Dim.Func(_ => CurrentLayout.Body.Height),
            CanFocus = true,
        };
        _body.KeyBindings.Clear();
        _body.DrawFailed += OnPaneDrawFailed;
        _flashBar = new LineView(FlashLine) { X = Pos.Func(_ => CurrentLayout.Flash.X), Y = Pos.Func(_ => CurrentLayout.Flash.Y), Width = Dim.Func(_ => CurrentLayout.Flash.Width) };
        _prompt = new PromptView { X = Pos.Func(_ => CurrentLayout.Flash.X), Y = Pos.Func(_ => CurrentLayout.Flash.Y), Width = Dim.Func(_ => CurrentLayout.Flash.Width) };
        _hints = new LineView(HintLine) { X = Pos.Func(_ => CurrentLayout.Hints.X), Y = Pos.Func(_ => CurrentLayout.Hints.Y), Width = Dim.Func(_ => CurrentLayout.Hints.Width) };
        _tooSmall = new LineView(w => StyledLine.Of(LineBuilder.Fit(ShellLayout.TooSmallMessage(Viewport.Width, Viewport.Height), w), Tone.Warning))
        {
            X = 0, Y = Pos.Func(_ => Viewport.Height / 2), Width = Dim.Fill(), Visible = false,
        };
        _confirm = new ConfirmView();
        Add(_header, _body, _flashBar, _prompt, _hints, _tooSmall, _confirm);

        _global = new KeyMap(
        [
            new KeyAction(new Key('?'), "help", ToggleHelp, Description: "show or hide this help"),
            // In a text field '?' is text; F1 reaches the shell because fields leave it alone.
            new KeyAction(Key.F1, "help", ToggleHelp, Hint: false, Description: "help, also from inside a text field"),
            new KeyAction(Key.T.WithShift, "theme", NextTheme, Hint: false, Description: "switch theme (dark, light, high-contrast, mono)"),
            new KeyAction(Key.Q, "quit", Quit, Description: "quit (also Ctrl+C)"),
            new KeyAction(Key.C.WithCtrl, "quit", Quit, Hint: false, Description: "quit"),
        ], readOnly: false);

        app.Keyboard.KeyDown += OnAppKeyDown;
    }

    /// <summary>The application this shell runs in (also <see cref="IShell.App"/>).</summary>
    public IApplication Host { get; }
    IApplication IShell.App => Host;
    public ShellInfo Info { get; }
    public bool ReadOnly => Info.ReadOnly;
    public ThemeCatalog Themes { get; }
    public TimeProvider Time => _time;
    /// <summary>The zone times are shown in (header clock, detail pane); <c>t</c> toggles local/UTC.</summary>
    public TimeZoneInfo Zone { get; set; } = TimeZoneInfo.Local;
    /// <summary>The zone that is not UTC, for the toggle (the machine's local zone unless a test pins it).</summary>
    public TimeZoneInfo LocalZone { get; set; } = TimeZoneInfo.Local;
    /// <summary>Cancelled when the app quits: background work stops with it.</summary>
    public CancellationToken Quitting => _quit.Token;
    /// <summary>The auto-refresh line in the header, supplied by the batch list.</summary>
    public Func<string>? RefreshText { get; set; }
    public IReadOnlyList<IPane> Panes => _stack;
    public IPane? Top => _stack.Count > 0 ? _stack[^1] : null;
    public FlashMessage? LastFlash => _flash;
    public bool ConfirmOpen => _confirm.IsOpen;
    public bool PromptOpen => _prompt.IsOpen;
    public IReadOnlyList<KeyAction> GlobalActions => _global.Actions;
    public KeyMap? TopMap => _maps.Count > 0 ? _maps[^1] : null;

    public ShellLayout CurrentLayout => ShellLayout.For(Viewport.Width, Viewport.Height);
    /// <summary>Contains failures: crash reports and the line shown for them.</summary>
    public CrashGuard Guard { get; }

    // ---- panes -------------------------------------------------------------------------------------------------

    public void Push(IPane pane)
    {
        ClearFailure();
        if (Top is { } current)
        {
            current.View.Visible = false;
            DropFlashOf(current);
        }
        pane.View.X = 0;
        pane.View.Y = 0;
        pane.View.Width = Dim.Fill();
        pane.View.Height = Dim.Fill();
        _stack.Add(pane);
        _maps.Add(new KeyMap(pane.Actions, ReadOnly));
        _body.Add(pane.View);
        pane.View.Visible = true;
        pane.View.SetFocus();
        if (!pane.View.HasFocus) _body.SetFocus();
        SetNeedsDraw();
    }

    public void Pop()
    {
        if (_stack.Count <= 1) return;
        IPane pane = _stack[^1];
        _stack.RemoveAt(_stack.Count - 1);
        _maps.RemoveAt(_maps.Count - 1);
        _body.Remove(pane.View);
        DropFlashOf(pane);
        ClearFailure();
        Guarded($"closing {pane.Title}", () =>
        {
            if (pane is IDisposable d) d.Dispose();
            else pane.View.Dispose();
        });
        IPane top = _stack[^1];
        top.View.Visible = true;
        top.View.SetFocus();
        SetNeedsDraw();
    }

    /// <summary>Rebuilds the top pane's key map (after its actions changed).</summary>
    public void RefreshKeys()
    {
        if (_stack.Count == 0) return;
        _maps[^1] = new KeyMap(_stack[^1].Actions, ReadOnly);
        _hints.SetNeedsDraw();
    }

    // ---- flash, confirm, prompt --------------------------------------------------------------------------------

    public void Flash(string message) => Flash(message, Top);

    /// <summary>A message raised by <paramref name="owner"/>, which may not be on top (a pane's callback run while another closes).</summary>
    public void Flash(string message, IPane? owner) => Show(new FlashMessage(message, false, _time.GetUtcNow(), owner));

    public void FlashError(Exception error) => FlashError(error, Top);

    private void FlashError(Exception error, IPane? owner)
    {
        if (CrashGuard.IsOperational(error)) Show(new FlashMessage(ApiErrors.Describe(error), true, _time.GetUtcNow(), owner));
        else Contain(error, owner is null ? "background work" : $"background work of {owner.Title}", owner);
    }

    /// <summary>A plain-text problem (not an exception) shown like an error: e.g. why cancel is not allowed.</summary>
    public void FlashProblem(string message) => Show(new FlashMessage(message, true, _time.GetUtcNow(), Top));

    /// <summary>Takes <paramref name="flash"/> off the bar if it is still the one shown (e.g. an error that is over).</summary>
    public void Unflash(FlashMessage? flash)
    {
        if (flash is null || !ReferenceEquals(_flash, flash)) return;
        _flash = null;
        _flashBar.SetNeedsDraw();
    }

    private void Show(FlashMessage flash)
    {
        _flash = flash;
        _flashBar.SetNeedsDraw();
    }

    // A flash belongs to its pane: it goes when that pane closes or is covered by another.
    private void DropFlashOf(IPane pane)
    {
        if (_flash?.Owner == pane) Unflash(_flash);
    }

    // ---- containment ---------------------------------------------------------------------------------------------

    /// <summary>
    /// A failure that must not end the app: written to a crash report and shown as an error line that belongs to the
    /// top pane.
    /// </summary>
    public void Contain(Exception error, string where) => Contain(error, where, Top);

    private void Contain(Exception error, string where, IPane? owner) =>
        Show(new FlashMessage(Guard.Contain(error, where), true, _time.GetUtcNow(), owner));

    /// <summary>Runs <paramref name="action"/>; what it throws is contained (the shell's key and posted-work entry points).</summary>
    private bool Guarded(string where, Action action)
    {
        try
        {
            action();
            return true;
        }
        catch (Exception e)
        {
            Contain(e, where);
            return false;
        }
    }

    // The top pane's draw threw: it is hidden and the pane area shows the error instead, until the next key.
    private void OnPaneDrawFailed(Exception error)
    {
        IPane? pane = Top;
        string line = Guard.Contain(error, pane is null ? "drawing" : $"drawing {pane.Title}");
        _body.Failure = line;
        Show(_failureFlash = new FlashMessage(line, true, _time.GetUtcNow(), pane));
        // The bars may have drawn already in this pass: draw the whole shell again on the next turn of the loop.
        Host.AddTimeout(TimeSpan.Zero, () => { SetNeedsDraw(); return false; });
        if (pane is null) return;
        _failed = pane;
        pane.View.Visible = false;
        if (!_body.HasFocus) _body.SetFocus();
    }

    // Shows the failed pane again (a key was pressed, or the stack changed): its next draw is tried once more.
    private void ClearFailure()
    {
        if (_body.Failure is null) return;
        _body.Failure = null;
        Unflash(_failureFlash); // a new failure of the next draw says so again
        if (_failed is { } pane && pane == Top)
        {
            pane.View.Visible = true;
            pane.View.SetFocus();
        }
        _failed = null;
        _body.SetNeedsDraw();
    }

    public void Confirm(string title, IReadOnlyList<string> message, Action yes) => _confirm.Open(title, message, yes);

    public void Prompt(string label, string initial, Action<string>? changed, Action<string> accept, Action? cancel = null)
    {
        _prompt.Open(label, initial, changed, accept, () => { cancel?.Invoke(); FocusTop(); });
        _flashBar.Visible = false;
        _prompt.SetFocus();
    }

    private void FocusTop()
    {
        _flashBar.Visible = true;
        Top?.View.SetFocus();
    }

    // ---- background work ---------------------------------------------------------------------------------------

    /// <summary>
    /// Runs I/O off the UI thread; a failure goes to the flash bar. The UI never waits on it; tests can, through
    /// <see cref="PendingWork"/>.
    /// </summary>
    public void Run(Func<CancellationToken, Task> work)
    {
        IPane? owner = Top; // its error belongs to the pane that started it
        Interlocked.Increment(ref _busy);
        Task task = Task.Run(async () =>
        {
            try
            {
                await work(_quit.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (_quit.IsCancellationRequested)
            {
            }
            catch (Exception e)
            {
                Post(() => FlashError(e, owner));
            }
            finally
            {
                Interlocked.Decrement(ref _busy);
                Post(() => _header.SetNeedsDraw());
            }
        });
        lock (_pending)
        {
            _pending.RemoveAll(t => t.IsCompleted);
            _pending.Add(task);
        }
    }

    public bool Busy => Volatile.Read(ref _busy) > 0;

    public IReadOnlyList<Task> PendingWork
    {
        get { lock (_pending) return _pending.Where(t => !t.IsCompleted).ToList(); }
    }

    /// <summary>Queues <paramref name="action"/> on the UI loop (from any thread).</summary>
    public void Post(Action action)
    {
        if (_quit.IsCancellationRequested) return;
        Host.Invoke(() => Guarded("posted work", action));
    }

    // ---- lifecycle -----------------------------------------------------------------------------------------------

    /// <summary>Redraws once a second: the clock, relative times, flash expiry.</summary>
    public void StartTicking()
    {
        _tick ??= Host.AddTimeout(TimeSpan.FromSeconds(1), () =>
        {
            SetNeedsDraw();
            return !_quit.IsCancellationRequested;
        });
    }

    public void Quit()
    {
        if (!_quit.IsCancellationRequested) _quit.Cancel();
        if (_tick is not null) Host.RemoveTimeout(_tick);
        _tick = null;
        Host.RequestStop();
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            Host.Keyboard.KeyDown -= OnAppKeyDown;
            if (!_quit.IsCancellationRequested) _quit.Cancel();
            foreach (IPane p in _stack) if (p is IDisposable d) d.Dispose();
        }
        base.Dispose(disposing);
    }

    // ---- layout --------------------------------------------------------------------------------------------------

    // Header, panes, flash bar and hints tile the screen; only the too-small message leaves the rest to the clear.
    protected override bool OnClearingViewport() => !CurrentLayout.TooSmall;

    protected override void OnSubViewLayout(LayoutEventArgs args)
    {
        bool small = CurrentLayout.TooSmall;
        if (_tooSmall.Visible != small)
        {
            _tooSmall.Visible = small;
            _header.Visible = _body.Visible = _hints.Visible = !small;
            _flashBar.Visible = !small && !_prompt.IsOpen;
        }
        base.OnSubViewLayout(args);
    }

    // ---- keys ----------------------------------------------------------------------------------------------------

    // Runs before any view: things that must win over a focused text box.
    private void OnAppKeyDown(object? sender, Key key)
    {
        if (Host.TopRunnableView != this) return;
        if (!Guarded($"key {KeyText.Of(key)}", () => BeforeViews(key))) key.Handled = true;
    }

    private void BeforeViews(Key key)
    {
        // A pane whose draw failed gets another try on the next key (Esc and q do what they say without it).
        if (_failed is not null && key != Key.Esc && key != Key.Q) ClearFailure();
        if (key == Key.C.WithCtrl)
        {
            key.Handled = true;
            Quit();
            return;
        }
        if (_confirm.IsOpen)
        {
            key.Handled = true;
            _confirm.HandleKey(key);
            return;
        }
        if (_prompt.IsOpen)
        {
            if (key == Key.Enter) { key.Handled = true; _prompt.Accept(); FocusTop(); }
            else if (key == Key.Esc) { key.Handled = true; _prompt.Cancel(); }
            return;
        }
        if (CurrentLayout.TooSmall)
        {
            key.Handled = true;
            if (key == Key.Q) Quit();
        }
    }

    // Runs after the focused view had its chance.
    protected override bool OnKeyDown(Key key)
    {
        bool handled = false;
        if (!Guarded($"key {KeyText.Of(key)}", () => handled = AfterViews(key))) return true;
        return handled;
    }

    private bool AfterViews(Key key)
    {
        if (TopMap?.TryHandle(key) == true) return true;
        if (_global.TryHandle(key)) return true;
        if (TopMap?.BlockedBy(key) is { } blocked)
        {
            FlashProblem($"read-only: \"{blocked.Name}\" is turned off (started with --read-only)");
            return true;
        }
        if (key == Key.Esc)
        {
            Pop();
            return true; // never let Esc fall through to Terminal.Gui's default quit
        }
        return false;
    }

    // ---- help, theme ---------------------------------------------------------------------------------------------

    private void ToggleHelp()
    {
        if (Top is HelpPane) { Pop(); return; }
        if (Top is null) return;
        Push(new HelpPane(Top.Title, TopMap!.Actions, _global.Actions, ReadOnly));
    }

    private void NextTheme()
    {
        string name = Themes.Next(Host.Driver);
        Flash($"theme: {name}");
        SetNeedsDraw();
    }

    // ---- lines ---------------------------------------------------------------------------------------------------

    private StyledLine HeaderLine(int width)
    {
        DateTimeOffset now = _time.GetUtcNow();
        string refresh = Busy ? "⟳ loading…" : RefreshText?.Invoke() ?? "";
        string clock = TimeZoneInfo.ConvertTime(now, Zone).ToString("HH:mm:ss") + (Zone == TimeZoneInfo.Utc ? " UTC " : " ");
        // On a narrow terminal the labels go before the refresh state does: it tells the user whether data is live.
        // The refresh state needs a space before it and two after: "…/v1  refresh in 5s  12:00:00".
        int needed = refresh.Length + 3;
        LineBuilder left = HeaderLeft(squeeze: 0);
        for (int squeeze = 1; squeeze <= 2 && refresh.Length > 0 && width - left.Length - clock.Length < needed; squeeze++)
            left = HeaderLeft(squeeze);
        int room = width - left.Length - clock.Length;
        if (refresh.Length > 0 && room >= needed)
        {
            left.Add(new string(' ', room - refresh.Length - 2)).Add(refresh, Tone.Dim).Add("  ");
        }
        else if (room > 0) left.Add(new string(' ', room));
        return left.Add(clock, Tone.Dim).Build();
    }

    // squeeze 0: as is; 1: no "profile" label or URL scheme; 2: also "[sim]" for "[simulator]".
    private LineBuilder HeaderLeft(int squeeze)
    {
        bool compact = squeeze > 0;
        string url = Info.BaseUrl.ToString().TrimEnd('/');
        if (compact) url = url.Replace("https://", "", StringComparison.Ordinal).Replace("http://", "", StringComparison.Ordinal);
        var left = new LineBuilder().Add(" BatchTui ", Tone.Accent);
        if (!compact) left.Add(" profile ", Tone.Dim);
        else left.Add(" ");
        left.Add(Info.ProfileName).Add("  ").Add(url);
        if (Info.IsSimulator) left.Add(squeeze > 1 ? " [sim]" : " [simulator]", Tone.Warning);
        if (ReadOnly) left.Add(compact ? " [read-only]" : "  [read-only]", Tone.Warning);
        return left;
    }

    private StyledLine FlashLine(int width) =>
        _flash is { } f && (f.Owner is null || f.Owner == Top) && f.ShownAt(_time.GetUtcNow()) ? f.Render() : StyledLine.Empty;

    private StyledLine HintLine(int width)
    {
        // The way out and the way to help always show; the pane's own hints get the room that is left, in order.
        var tail = new LineBuilder();
        AddHints(tail, _global.Actions, int.MaxValue);
        if (_stack.Count > 1) tail.Add(" ").Add("Esc", Tone.Accent).Add(" back ", Tone.Dim);
        var line = new LineBuilder();
        AddHints(line, TopMap?.Actions ?? [], width - tail.Length);
        return line.Add(tail.Build().Spans).Build();
    }

    // Actions sharing a name share a hint: "j/k move".
    private static void AddHints(LineBuilder line, IEnumerable<KeyAction> actions, int room)
    {
        foreach (var group in actions.Where(a => a.Hint).GroupBy(a => a.Name))
        {
            string keys = string.Join("/", group.Select(a => KeyText.Of(a.Key)).Distinct());
            if (line.Length + keys.Length + group.Key.Length + 3 > room) break;
            line.Add(" ").Add(keys, Tone.Accent).Add(" " + group.Key + " ", Tone.Dim);
        }
    }

    /// <summary>The hint line as text (tests, README).</summary>
    public string HintText => HintLine(Viewport.Width).Text;
    public string HeaderText => HeaderLine(Viewport.Width).Text;
}
