using Terminal.Gui.App;
using Terminal.Gui.Views;

namespace BatchTui.Tui.Shell;

/// <summary>What a pane may ask of the application around it.</summary>
public interface IShell
{
    IApplication App { get; }
    bool ReadOnly { get; }
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
}
