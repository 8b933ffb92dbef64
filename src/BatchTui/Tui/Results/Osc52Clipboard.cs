using System.Text;
using Terminal.Gui.App;

namespace BatchTui.Tui.Results;

/// <summary>
/// Copies text with the OSC 52 escape, so the user's terminal does the copying (works over SSH and in tmux with
/// <c>set-clipboard on</c>). Large texts are cut: many terminals drop OSC 52 payloads beyond ~100 KB.
/// </summary>
public static class Osc52Clipboard
{
    public const int MaxBytes = 100_000;

    public static string Sequence(string text) => App.Osc52.Sequence(text);

    /// <summary>Sends the text; returns what the flash bar should say.</summary>
    public static string Copy(IApplication app, string text, string what)
    {
        text = Core.Text.UntrustedText.ForFile(Core.Text.TextWidth.Head(text, 4 * MaxBytes));
        bool cut = Encoding.UTF8.GetByteCount(text) > MaxBytes;
        if (cut) text = Core.Text.TextWidth.Head(text, MaxBytes / 3);
        app.Driver?.WriteRaw(Sequence(text));
        return cut ? $"copied the first {text.Length:N0} characters of {what} (OSC 52 limit)" : $"copied {what} ({text.Length:N0} characters)";
    }
}
