using Terminal.Gui.Input;

namespace BatchTui.Tui.Keys;

/// <summary>How a key is written in hints and help: <c>q</c>, <c>G</c>, <c>Enter</c>, <c>Ctrl+R</c>.</summary>
public static class KeyText
{
    public static string Of(Key key)
    {
        string s = key.ToString();
        // Terminal.Gui writes a shifted letter as "Shift+G"; users read it as "G".
        if (s.StartsWith("Shift+", StringComparison.Ordinal) && s.Length == 7 && char.IsLetter(s[6])) return s[6..];
        return s.Length == 1 ? s.ToLowerInvariant() : s;
    }
}
