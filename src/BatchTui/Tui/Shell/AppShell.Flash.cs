using BatchTui.Core.Api;
using Terminal.Gui.ViewBase;

namespace BatchTui.Tui.Shell;

// The flash bar, containment of failures, the prompt line and the confirmation box.
public sealed partial class AppShell
{
    private FlashMessage? _flash;
    private IPane? _failed;
    private FlashMessage? _failureFlash;

    public FlashMessage? LastFlash => _flash;

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

    public void Copy(string text, string what) => Flash(Osc52.Copy(Host, text, what));

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

    // ---- confirm, prompt -------------------------------------------------------------------------------------------

    public void Confirm(string title, IReadOnlyList<string> message, Action yes) => _confirm.Open(title, message, yes);

    public void Prompt(string label, string initial, Action<string>? changed, Action<string> accept, Action? cancel = null)
    {
        // Focus goes back where it was (the list, the tree) once the prompt closes either way.
        _returnFocus = Top?.View.MostFocused;
        _prompt.Open(label, initial, changed, accept, () => { cancel?.Invoke(); FocusTop(); });
        _flashBar.Visible = false;
        _prompt.SetFocus();
    }

    private View? _returnFocus;

    private void FocusTop()
    {
        _flashBar.Visible = true;
        View? back = _returnFocus;
        _returnFocus = null;
        if (Top is not { } top) return;
        if (back is { CanFocus: true, Visible: true } && IsInside(back, top.View)) back.SetFocus();
        if (!top.View.HasFocus) top.View.SetFocus();
    }

    private static bool IsInside(View view, View root)
    {
        for (View? v = view; v is not null; v = v.SuperView)
            if (v == root) return true;
        return false;
    }
}
