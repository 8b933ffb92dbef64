using Terminal.Gui.Drivers;
using Terminal.Gui.Input;

namespace BatchTui.Tui.Shell;

/// <summary>How a key is written in hints and help: <c>q</c>, <c>G</c>, <c>Enter</c>, <c>Ctrl+R</c>.</summary>
public static class KeyText
{
    // Arrows and paging keys as people write them in help text.
    private static readonly Dictionary<KeyCode, string> Named = new()
    {
        [KeyCode.CursorUp] = "↑",
        [KeyCode.CursorDown] = "↓",
        [KeyCode.CursorLeft] = "←",
        [KeyCode.CursorRight] = "→",
        [KeyCode.PageUp] = "PgUp",
        [KeyCode.PageDown] = "PgDn",
    };

    public static string Of(Key key)
    {
        if (Named.TryGetValue(key.KeyCode, out string? named)) return named;
        string s = key.ToString();
        // Terminal.Gui writes a shifted letter as "Shift+G"; users read it as "G".
        if (s.StartsWith("Shift+", StringComparison.Ordinal) && s.Length == 7 && char.IsLetter(s[6])) return s[6..];
        return s.Length == 1 && !key.IsShift ? s.ToLowerInvariant() : s;
    }
}
