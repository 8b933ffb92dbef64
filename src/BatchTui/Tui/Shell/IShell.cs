using Terminal.Gui.App;

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
}
