using Terminal.Gui.ViewBase;

namespace BatchTui.Tui.Shell;

/// <summary>A full-screen pane the shell can push (results browser, request editor, ...). Esc pops it.</summary>
public interface IPane
{
    string Title { get; }
    View View { get; }
    /// <summary>The pane's actions, declared once; the shell derives hints and help from them.</summary>
    IReadOnlyList<KeyAction> Actions { get; }
}
