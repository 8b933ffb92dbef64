using Terminal.Gui.App;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;

namespace BatchTui.Tui.Editor;

/// <summary>Asks for a file path in a small dialog (Enter opens, Esc cancels). A leading <c>~/</c> means the home directory.</summary>
internal static class PathPrompt
{
    public static string? Ask(IApplication app, string title, string initial)
    {
        var field = new TextField { Text = initial, X = 0, Y = 1, Width = 60 };
        using var dialog = new Dialog { Title = title };
        dialog.Add(new Label { Text = "Path:", X = 0, Y = 0 }, field);
        dialog.AddButton(new Button { Text = "Cancel" });
        dialog.AddButton(new Button { Text = "Open" });
        field.SetFocus();
        app.Run(dialog);
        if (dialog.Canceled || dialog.Result != 1) return null;
        string path = field.Text.Trim();
        if (path.Length == 0) return null;
        if (path == "~" || path.StartsWith("~/", StringComparison.Ordinal))
            path = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), path.TrimStart('~').TrimStart('/'));
        return Path.GetFullPath(path);
    }
}
