using System.Text;

namespace BatchTui.Core.Text;

/// <summary>
/// A desktop notification through the terminal: BEL, then OSC 9 (iTerm2, WezTerm, kitty, foot, Windows Terminal)
/// and OSC 777 (rxvt-unicode, foot, WezTerm, Ghostty); a terminal ignores the one it does not know. Inside tmux
/// (<c>$TMUX</c> set) each sequence is wrapped in tmux's DCS passthrough (needs <c>set -g allow-passthrough on</c>).
/// The text is sanitised and stripped of anything that could end the sequence early. Shared by the CLI's
/// <c>watch --notify</c> and the TUI's batch-end notice.
/// </summary>
public static class TerminalNotify
{
    public const string Bell = "\a";

    /// <summary>BEL and both OSC notifications.</summary>
    public static string Sequence(string title, string body, bool tmux) => Bell + Osc(title, body, tmux);

    /// <summary>OSC 9 and OSC 777 only, without the bell.</summary>
    public static string Osc(string title, string body, bool tmux)
    {
        string t = Clean(title), b = Clean(body);
        string osc9 = $"\u001b]9;{t}: {b}\u001b\\";
        string osc777 = $"\u001b]777;notify;{t.Replace(';', ',')};{b}\u001b\\";
        return tmux ? Passthrough(osc9) + Passthrough(osc777) : osc9 + osc777;
    }

    /// <summary>tmux's passthrough: <c>ESC P tmux;</c>, the sequence with every ESC doubled, <c>ESC \</c>.</summary>
    public static string Passthrough(string sequence) => "\u001bPtmux;" + sequence.Replace("\u001b", "\u001b\u001b") + "\u001b\\";

    private static string Clean(string text)
    {
        string safe = string.IsNullOrEmpty(text) ? "" : UntrustedText.ForTerminal(text);
        var sb = new StringBuilder(safe.Length);
        foreach (char c in safe)
            if (c >= 0x20 && c != 0x7F && c is not (>= '\u0080' and <= '\u009F')) sb.Append(c);
        return sb.Length > 200 ? sb.ToString(0, 200) : sb.ToString();
    }
}
