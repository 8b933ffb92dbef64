using System.Text;
using BatchTui.Core.Text;

namespace BatchTui.Tui.App;

/// <summary>
/// Copy to the clipboard with the OSC 52 escape: the terminal emulator on the user's side does the copying, so it
/// works over SSH and inside tmux (with <c>set-clipboard on</c>), where no local clipboard exists.
/// </summary>
public static class Osc52
{
    /// <summary>The escape that copies <paramref name="text"/>, sanitised first (<see cref="UntrustedText.ForFile"/>):
    /// a paste must not replay escape sequences from the data.</summary>
    public static string Sequence(string text) => $"\u001b]52;c;{Convert.ToBase64String(Encoding.UTF8.GetBytes(UntrustedText.ForFile(text)))}\u0007";
}
