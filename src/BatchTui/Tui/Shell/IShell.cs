using Terminal.Gui.App;
using Terminal.Gui.Views;

namespace BatchTui.Tui.Shell;

/// <summary>What a pane may ask of the application around it.</summary>
public interface IShell
{
    IApplication App { get; }
    bool ReadOnly { get; }
    /// <summary>The one clock: every timer and "3m ago" reads it, so tests move time instead of sleeping.</summary>
    TimeProvider Time => TimeProvider.System;
    void Push(IPane pane);
    void Pop();
    /// <summary>A one-line message in the flash bar.</summary>
    void Flash(string message);
    /// <summary>An error in the flash bar: status, error.type, message, request-id for API errors.</summary>
    void FlashError(Exception error);

    /// <summary>
    /// A failure that must not end the app (a bug, not an API or I/O error): a crash report is written and an error
    /// line shown. <paramref name="where"/> names what failed ("export", "search").
    /// </summary>
    void Contain(Exception error, string where) => FlashError(error);

    /// <summary>
    /// Asks before a dangerous action; <paramref name="yes"/> runs only on an explicit yes. The app's shell draws its
    /// own y/n box (the same for every action); a shell without one falls back to a modal message box.
    /// </summary>
    void Confirm(string title, IReadOnlyList<string> message, Action yes)
    {
        if (MessageBox.Query(App, title, string.Join("\n", message), "Yes", "No") == 0) yes();
    }

    /// <summary>
    /// THE runner for background work (I/O, parsing): off the UI thread, cancelled when the app quits; a failure
    /// becomes an error flash owned by the pane that started it.
    /// </summary>
    void Run(Func<CancellationToken, Task> work) => Task.Run(async () =>
    {
        try { await work(CancellationToken.None).ConfigureAwait(false); }
        catch (Exception e) { Post(() => FlashError(e)); }
    });

    /// <summary>Queues <paramref name="action"/> on the UI loop (from any thread).</summary>
    void Post(Action action) => App.Invoke(action);

    /// <summary>A one-line prompt in place of the flash bar (search, filter, jump, file names).</summary>
    void Prompt(string label, string initial, Action<string>? changed, Action<string> accept, Action? cancel = null) =>
        throw new NotSupportedException("this shell has no prompt line");
}
