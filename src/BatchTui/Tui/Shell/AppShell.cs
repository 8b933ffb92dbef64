using BatchTui.Core.State;
using BatchTui.Tui.Text;
using BatchTui.Tui.Widgets;
using Terminal.Gui.App;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;

namespace BatchTui.Tui.Shell;

/// <summary>
/// THE shell: header, a stack of full-screen panes (Esc pops), the flash bar, key hints, the help overlay, prompts
/// and the confirmation box, for the app and for <c>open FILE</c> alike. Keys go to the focused view first (so a text
/// box in a pushed pane gets its letters), then to the top pane's <see cref="KeyMap"/>, then to the global actions.
/// Split by concern: panes and lifecycle here; <c>.Keys</c>, <c>.Flash</c>, <c>.Work</c> and <c>.Lines</c>.
/// </summary>
public sealed partial class AppShell : Runnable, IShell
{
    private readonly List<IPane> _stack = [];
    private readonly List<KeyMap> _maps = [];
    private readonly PaneHost _body;
    private readonly LineView _header, _flashBar, _hints, _tooSmall;
    private readonly PromptView _prompt;
    private readonly ConfirmView _confirm;
    private readonly TimeProvider _time;
    private readonly CancellationTokenSource _quit = new();
    private object? _tick;

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
        // The batch list needs 80x24; the results browser alone (open FILE) draws in much less.
        (MinWidth, MinHeight) = info.File is null ? (ShellLayout.MinWidth, ShellLayout.MinHeight) : (24, 8);

        _header = new LineView(HeaderLine) { X = Pos.Func(_ => CurrentLayout.Header.X), Y = Pos.Func(_ => CurrentLayout.Header.Y), Width = Dim.Func(_ => CurrentLayout.Header.Width) };
        _body = new PaneHost
        {
            X = Pos.Func(_ => CurrentLayout.Body.X),
            Y = Pos.Func(_ => CurrentLayout.Body.Y),
            Width = Dim.Func(_ => CurrentLayout.Body.Width),
            Height = Dim.Func(_ => CurrentLayout.Body.Height),
            CanFocus = true,
        };
        _body.KeyBindings.Clear();
        _body.DrawFailed += OnPaneDrawFailed;
        _flashBar = new LineView(FlashLine) { X = Pos.Func(_ => CurrentLayout.Flash.X), Y = Pos.Func(_ => CurrentLayout.Flash.Y), Width = Dim.Func(_ => CurrentLayout.Flash.Width) };
        _prompt = new PromptView { X = Pos.Func(_ => CurrentLayout.Flash.X), Y = Pos.Func(_ => CurrentLayout.Flash.Y), Width = Dim.Func(_ => CurrentLayout.Flash.Width) };
        _hints = new LineView(HintLine) { X = Pos.Func(_ => CurrentLayout.Hints.X), Y = Pos.Func(_ => CurrentLayout.Hints.Y), Width = Dim.Func(_ => CurrentLayout.Hints.Width) };
        _tooSmall = new LineView(w => StyledLine.Of(LineBuilder.Fit(ShellLayout.TooSmallMessage(Viewport.Width, Viewport.Height, MinWidth, MinHeight), w), Tone.Warning))
        {
            X = 0,
            Y = Pos.Func(_ => Viewport.Height / 2),
            Width = Dim.Fill(),
            Visible = false,
        };
        _confirm = new ConfirmView();
        Add(_header, _body, _flashBar, _prompt, _hints, _tooSmall, _confirm);

        _global = new KeyMap(GlobalActions(), readOnly: false);
        app.Keyboard.KeyDown += OnAppKeyDown;
    }

    /// <summary>The application this shell runs in (also <see cref="IShell.App"/>).</summary>
    public IApplication Host { get; }
    IApplication IShell.App => Host;
    /// <summary>The connection the header names; a profile switch replaces it (<see cref="SwitchRoot"/>).</summary>
    public ShellInfo Info { get; private set; }
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
    public bool ConfirmOpen => _confirm.IsOpen;
    public bool PromptOpen => _prompt.IsOpen;
    public KeyMap? TopMap => _maps.Count > 0 ? _maps[^1] : null;
    /// <summary>The least screen the panes need; below it only "terminal too small" shows.</summary>
    public int MinWidth { get; }
    public int MinHeight { get; }

    public ShellLayout CurrentLayout => ShellLayout.For(Viewport.Width, Viewport.Height, MinWidth, MinHeight);
    /// <summary>Contains failures: crash reports and the line shown for them.</summary>
    public CrashGuard Guard { get; }

    public TimeZoneInfo ToggleZone()
    {
        Zone = Zone == TimeZoneInfo.Utc ? LocalZone : TimeZoneInfo.Utc;
        SetNeedsDraw();
        return Zone;
    }

    public void Redraw() => SetNeedsDraw();

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

    /// <summary>Closes the top pane; at the root, a file's browser quits (the batch list stays).</summary>
    public void Pop()
    {
        if (_stack.Count <= 1)
        {
            if (Info.File is not null) Quit();
            return;
        }
        RemoveTop();
        IPane top = _stack[^1];
        top.View.Visible = true;
        top.View.SetFocus();
        SetNeedsDraw();
    }

    private void RemoveTop()
    {
        IPane pane = _stack[^1];
        _stack.RemoveAt(_stack.Count - 1);
        _maps.RemoveAt(_maps.Count - 1);
        _body.Remove(pane.View);
        CancelWorkOf(pane);
        DropFlashOf(pane);
        ClearFailure();
        Guarded($"closing {pane.Title}", () =>
        {
            if (pane is IDisposable d) d.Dispose();
            else pane.View.Dispose();
        });
    }

    /// <summary>
    /// A profile switch: every pane goes (their work cancelled), the header names <paramref name="info"/>, and the
    /// pane <paramref name="root"/> builds becomes the root, its keys under the new profile's read-only setting.
    /// </summary>
    public TRoot SwitchRoot<TRoot>(ShellInfo info, Func<IShell, TRoot> root) where TRoot : IPane
    {
        while (_stack.Count > 0) RemoveTop();
        Info = info;
        RefreshText = null;
        TRoot pane = root(this);
        Push(pane);
        _header.SetNeedsDraw();
        return pane;
    }

    /// <summary>Rebuilds the top pane's key map (after its actions changed).</summary>
    public void RefreshKeys()
    {
        if (_stack.Count == 0) return;
        _maps[^1] = new KeyMap(_stack[^1].Actions, ReadOnly);
        _hints.SetNeedsDraw();
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
            DisposeWork();
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
}
