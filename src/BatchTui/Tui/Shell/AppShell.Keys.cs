using BatchTui.Tui.Widgets;
using Terminal.Gui.Input;

namespace BatchTui.Tui.Shell;

// Keys: what must win over a focused text box (before the views), the top pane's map and the global keys (after).
public sealed partial class AppShell
{
    private readonly KeyMap _global;

    private KeyAction[] GlobalActions() =>
    [
        new KeyAction(new Key('?'), "help", ToggleHelp, Description: "show or hide this help"),
        // In a text field '?' is text; F1 reaches the shell because fields leave it alone.
        new KeyAction(Key.F1, "help", ToggleHelp, Hint: false, Description: "help, also from inside a text field"),
        new KeyAction(Key.T.WithShift, "theme", NextTheme, Hint: false, Description: "switch theme (dark, light, high-contrast, mono)"),
        new KeyAction(Key.Q, "quit", Quit, Description: "quit (also Ctrl+C)"),
        new KeyAction(Key.C.WithCtrl, "quit", Quit, Hint: false, Description: "quit"),
    ];

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
            else if (key == Key.U.WithCtrl) { key.Handled = true; _prompt.Clear(); }
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
        _hints.SetNeedsDraw(); // a key may enable or disable another
        return handled;
    }

    private bool AfterViews(Key key)
    {
        string? refused = null;
        if (TopMap?.TryHandle(key, out refused) == true || _global.TryHandle(key, out refused))
        {
            // A disabled action says why instead of doing nothing (lazygit's disabled reason).
            if (refused is not null) FlashProblem(refused);
            return true;
        }
        if (key == Key.Esc)
        {
            Pop();
            return true; // never let Esc fall through to Terminal.Gui's default quit
        }
        return false;
    }

    private void ToggleHelp()
    {
        if (Top is HelpPane) { Pop(); return; }
        if (Top is null) return;
        Push(new HelpPane(Top.Title, TopMap!, _global, ReadOnly && Info.File is null)); // a file: nothing to take away
    }

    private void NextTheme()
    {
        string name = Themes.Next(Host.Driver);
        Flash($"theme: {name}");
        SetNeedsDraw();
    }
}
