using BatchTui.Core.State;
using BatchTui.Tui.Shell;
using Terminal.Gui.App;
using Terminal.Gui.Input;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;

namespace BatchTui.Tui.Results;

/// <summary>
/// A minimal full-screen host for panes when the app's own shell is not in play (<c>batchtui open FILE</c>, tests):
/// a stack of panes, a flash line and a hint line generated from the top pane's actions. Keys go to the focused
/// view, then to the top pane's <see cref="KeyMap"/>; Esc pops (and quits at the root), q and Ctrl+C quit.
/// </summary>
public sealed class StandaloneShell : Runnable, IShell
{
    private readonly List<IPane> _stack = [];
    private readonly PaneHost _body;
    private readonly InfoLines _flash, _hints;
    private string _flashText = "";
    private KeyMap? _map;
    private IPane? _flashOwner, _failed;

    public StandaloneShell(IApplication app, bool readOnly = false, CrashLog? crashes = null)
    {
        Host = app;
        ReadOnly = readOnly;
        Guard = new CrashGuard(crashes);
        Width = Dim.Fill();
        Height = Dim.Fill();
        CanFocus = true;
        _body = new PaneHost { X = 0, Y = 0, Width = Dim.Fill(), Height = Dim.Fill(2), CanFocus = true };
        _body.DrawFailed += OnPaneDrawFailed;
        _flash = new InfoLines(() => [_flashOwner is null || _flashOwner == Top ? _flashText : ""]) { X = 0, Y = Pos.AnchorEnd(2), Width = Dim.Fill(), Height = 1 };
        _hints = new InfoLines(() => [HintText]) { X = 0, Y = Pos.AnchorEnd(1), Width = Dim.Fill(), Height = 1 };
        Add(_body, _flash, _hints);
        app.Keyboard.KeyDown += OnAppKeyDown;
    }

    public IApplication Host { get; }
    IApplication IShell.App => Host;
    public bool ReadOnly { get; }
    public IPane? Top => _stack.Count > 0 ? _stack[^1] : null;
    public string LastFlash => _flashText;
    public CrashGuard Guard { get; }

    public string HintText =>
        string.Join("  ", (_map?.Actions ?? []).Where(a => a.Hint).GroupBy(a => a.Name)
            .Select(g => $"{string.Join("/", g.Select(a => KeyText.Of(a.Key)).Distinct())} {g.Key}")) + "  Esc back  q quit";

    public void Push(IPane pane)
    {
        ClearFailure();
        if (Top is { } current)
        {
            current.View.Visible = false;
            DropFlashOf(current);
        }
        _stack.Add(pane);
        _map = new KeyMap(pane.Actions, ReadOnly);
        pane.View.X = 0;
        pane.View.Y = 0;
        pane.View.Width = Dim.Fill();
        pane.View.Height = Dim.Fill();
        _body.Add(pane.View);
        pane.View.Visible = true;
        pane.View.SetFocus();
        SetNeedsDraw();
    }

    public void Pop()
    {
        if (_stack.Count == 0) return;
        IPane pane = _stack[^1];
        _stack.RemoveAt(_stack.Count - 1);
        _body.Remove(pane.View);
        DropFlashOf(pane);
        ClearFailure();
        Guarded($"closing {pane.Title}", () => { if (pane is IDisposable d) d.Dispose(); });
        if (Top is { } top)
        {
            _map = new KeyMap(top.Actions, ReadOnly);
            top.View.Visible = true;
            top.View.SetFocus();
        }
        else
        {
            _map = null;
            Host.RequestStop();
        }
        SetNeedsDraw();
    }

    public void Flash(string message)
    {
        _flashText = message;
        _flashOwner = Top;
        _flash.SetNeedsDraw();
    }

    public void FlashError(Exception error)
    {
        if (CrashGuard.IsOperational(error)) Flash("error: " + error.Message);
        else Contain(error, "background work");
    }

    public void Contain(Exception error, string where) => Flash("error: " + Guard.Contain(error, where));

    // A flash belongs to the pane that raised it: it goes when that pane closes or is covered by another.
    private void DropFlashOf(IPane pane)
    {
        if (_flashOwner != pane) return;
        _flashText = "";
        _flash.SetNeedsDraw();
    }

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

    // As in the app's shell: the failed pane is hidden, its area shows the error, the next key tries it again.
    private void OnPaneDrawFailed(Exception error)
    {
        string line = Guard.Contain(error, Top is { } p ? $"drawing {p.Title}" : "drawing");
        _body.Failure = line;
        Flash("error: " + line);
        Host.AddTimeout(TimeSpan.Zero, () => { SetNeedsDraw(); return false; });
        if (Top is not { } pane) return;
        _failed = pane;
        pane.View.Visible = false;
        if (!_body.HasFocus) _body.SetFocus();
    }

    private void ClearFailure()
    {
        if (_body.Failure is null) return;
        if (_flashText.Contains(_body.Failure, StringComparison.Ordinal)) Flash("");
        _body.Failure = null;
        if (_failed is { } pane && pane == Top)
        {
            pane.View.Visible = true;
            pane.View.SetFocus();
        }
        _failed = null;
        _body.SetNeedsDraw();
    }

    private void OnAppKeyDown(object? sender, Key key)
    {
        if (_failed is not null && key != Key.Esc && key != Key.Q) ClearFailure();
        if (key == Key.C.WithCtrl)
        {
            key.Handled = true;
            Host.RequestStop();
        }
    }

    protected override bool OnKeyDown(Key key)
    {
        bool handled = false;
        if (!Guarded($"key {KeyText.Of(key)}", () => handled = AfterViews(key))) return true;
        return handled;
    }

    private bool AfterViews(Key key)
    {
        if (_map?.TryHandle(key) == true) return true;
        if (key == Key.Esc) { Pop(); return true; }
        if (key == Key.Q) { Host.RequestStop(); return true; }
        if (key == new Key('?'))
        {
            Flash(string.Join(" · ", (_map?.Actions ?? []).Select(a => $"{KeyText.Of(a.Key)} {a.Description ?? a.Name}")));
            return true;
        }
        return false;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            Host.Keyboard.KeyDown -= OnAppKeyDown;
            foreach (IPane p in _stack) if (p is IDisposable d) d.Dispose();
            _stack.Clear();
        }
        base.Dispose(disposing);
    }
}
