using BatchTui.Core.Text;
using System.Text;
using Terminal.Gui.App;

namespace BatchTui.Tui.Shell;

/// <summary>
/// Copy to the clipboard with the OSC 52 escape: the terminal emulator on the user's side does the copying, so it
/// works over SSH and inside tmux (with <c>set-clipboard on</c>), where no local clipboard exists. Large texts are
/// cut: many terminals drop OSC 52 payloads beyond ~100 KB.
/// </summary>
public static class Osc52
{
    public const int MaxBytes = 100_000;

    /// <summary>The escape that copies <paramref name="text"/>, sanitised first (<see cref="UntrustedText.ForFile"/>):
    /// a paste must not replay escape sequences from the data.</summary>
    public static string Sequence(string text) => $"\u001b]52;c;{Convert.ToBase64String(Encoding.UTF8.GetBytes(UntrustedText.ForFile(text)))}\u0007";

    /// <summary>Sends the text, cut to what terminals accept; returns what the flash bar should say.</summary>
    public static string Copy(IApplication app, string text, string what)
    {
        text = UntrustedText.ForFile(TextWidth.Head(text, 4 * MaxBytes));
        bool cut = Encoding.UTF8.GetByteCount(text) > MaxBytes;
        if (cut) text = TextWidth.Head(text, MaxBytes / 3);
        app.Driver?.WriteRaw(Sequence(text));
        return cut ? $"copied the first {text.Length:N0} characters of {what} (OSC 52 limit)" : $"copied {what} ({text.Length:N0} characters)";
    }
}
