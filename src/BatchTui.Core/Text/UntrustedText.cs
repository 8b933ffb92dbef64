using System.Buffers;
using System.Globalization;
using System.Text;

namespace BatchTui.Core.Text;

/// <summary>
/// The one boundary for text that came from the API, a file or the environment: everything passes through here
/// before it reaches a terminal cell, stdout, stderr, the clipboard or an exported text file, so the data is shown and
/// never obeyed.
/// <list type="bullet">
/// <item>C0 controls become their Control Pictures (ESC → ␛, NUL → ␀); DEL → ␡. C1 controls (U+0080–U+009F, which a
/// terminal may read as CSI, OSC…) become the four characters <c>\x9B</c>: Control Pictures has no glyphs for them, and
/// U+2400 + code (what Terminal.Gui does) lands on unrelated symbols (0x9B → ⒛).</item>
/// <item>A lone surrogate becomes U+FFFD. Bidi embeddings, overrides and isolates (U+202A–202E, U+2066–2069) become
/// U+FFFD too, so text cannot reorder what follows it and their presence shows. Other format characters that draw
/// nothing (zero-width space, BOM, LRM/RLM, stray tag characters…) are dropped; ZWJ, ZWNJ, variation selectors and tag
/// characters inside a cluster (emoji sequences, subdivision flags) are kept.</item>
/// <item>For the terminal, every grapheme cluster is left at least one column wide, as Terminal.Gui gives it a cell:
/// a cluster that starts with a combining mark is put on a dotted circle (◌́), any other zero-width cluster is U+FFFD.
/// <see cref="TextWidth"/> then measures exactly what Terminal.Gui places.</item>
/// </list>
/// Line breaks and tabs depend on where the text goes: <see cref="ForTerminal"/> is for a single line (labels, table
/// cells, CLI output fields) and shows them as ␊ ␍ ␉; <see cref="ForTerminalLines"/> is for a text to be split and
/// wrapped (CR LF and lone CR are line breaks, a tab is four spaces); <see cref="ForFile"/> keeps LF and tab as they
/// are (exports, clipboard), a lone CR is ␍. The functions are idempotent, and printable ASCII passes untouched.
/// </summary>
public static class UntrustedText
{
    private enum Mode { Line, Lines, File }

    private const string Printable = " !\"#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`abcdefghijklmnopqrstuvwxyz{|}~";
    private static readonly SearchValues<char> LineSafe = SearchValues.Create(Printable);
    private static readonly SearchValues<char> LinesSafe = SearchValues.Create(Printable + "\n");
    private static readonly SearchValues<char> FileSafe = SearchValues.Create(Printable + "\n\t");

    /// <summary>One line for a terminal cell or a CLI field: every control is a visible stand-in.</summary>
    public static string ForTerminal(string? s) => Clean(s, Mode.Line);

    /// <summary>Multi-line text for a terminal view: only <c>\n</c> remains, to split on.</summary>
    public static string ForTerminalLines(string? s) => Clean(s, Mode.Lines);

    /// <summary>Text for a file or the clipboard: LF and tab stay, nothing else a terminal would act on.</summary>
    public static string ForFile(string? s) => Clean(s, Mode.File);

    /// <summary>What a C1 control (U+0080–U+009F) is shown as: <c>\x9B</c>.</summary>
    public static string C1StandIn(char c) => $"\\x{(int)c:X2}";

    /// <summary>True when <paramref name="s"/> holds nothing a terminal would act on (no C0 but LF/tab, DEL, C1,
    /// lone surrogate or bidi control): what the tests assert about every rendered screen.</summary>
    public static bool IsInert(string s, bool allowNewlines = false)
    {
        for (int i = 0; i < s.Length; i++)
        {
            char c = s[i];
            if (c is '\n' or '\t' && allowNewlines) continue;
            if (c < 0x20 || c is >= '\u007f' and <= '\u009f' || IsBidiControl(c)) return false;
            if (char.IsHighSurrogate(c) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1])) { i++; continue; }
            if (char.IsSurrogate(c)) return false;
        }
        return true;
    }

    private static bool IsBidiControl(int c) => c is >= 0x202A and <= 0x202E or >= 0x2066 and <= 0x2069;

    private static string Clean(string? s, Mode mode)
    {
        if (string.IsNullOrEmpty(s)) return "";
        SearchValues<char> safe = mode switch { Mode.Line => LineSafe, Mode.Lines => LinesSafe, _ => FileSafe };
        int first = s.AsSpan().IndexOfAnyExcept(safe);
        if (first < 0) return s;

        var sb = new StringBuilder(s.Length + 16);
        sb.Append(s, 0, first);
        for (int i = first; i < s.Length; i++)
        {
            char c = s[i];
            if (c is >= ' ' and < '\u007f') { sb.Append(c); continue; }
            if (char.IsHighSurrogate(c) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]))
            {
                int cp = char.ConvertToUtf32(c, s[i + 1]);
                if (Keep(cp)) sb.Append(c).Append(s[i + 1]);
                i++;
                continue;
            }
            if (char.IsSurrogate(c)) { sb.Append('\uFFFD'); continue; }
            switch (c)
            {
                case '\n':
                    sb.Append(mode == Mode.Line ? '\u240A' : '\n');
                    break;
                case '\r':
                    bool crlf = i + 1 < s.Length && s[i + 1] == '\n';
                    if (mode == Mode.Line || (mode == Mode.File && !crlf)) sb.Append('\u240D');
                    else if (mode == Mode.Lines && !crlf) sb.Append('\n');
                    // else: the LF that follows is the break
                    break;
                case '\t':
                    if (mode == Mode.Line) sb.Append('\u2409');
                    else if (mode == Mode.Lines) sb.Append("    ");
                    else sb.Append('\t');
                    break;
                case '\u2028' or '\u2029':
                    sb.Append(mode == Mode.Line ? '\u2424' : '\n');
                    break;
                case < ' ':
                    sb.Append((char)(0x2400 + c));
                    break;
                case '\u007f':
                    sb.Append('\u2421');
                    break;
                case <= '\u009f':
                    sb.Append(C1StandIn(c));
                    break;
                default:
                    if (IsBidiControl(c)) sb.Append('\uFFFD');
                    else if (Keep(c)) sb.Append(c);
                    break;
            }
        }
        return mode == Mode.File ? sb.ToString() : NoZeroWidthClusters(sb.ToString());
    }

    // Format characters that draw nothing are dropped; the joiners and tags that build emoji sequences stay.
    private static bool Keep(int cp)
    {
        if (cp is 0x200C or 0x200D or >= 0xE0020 and <= 0xE007F) return true;
        if (CharUnicodeInfo.GetUnicodeCategory(cp) != UnicodeCategory.Format) return true;
        return TextWidth.OfRune(cp) > 0;
    }

    // Terminal.Gui gives every cluster a cell, even one its width table calls zero wide; so a zero-width cluster is
    // made visible (a mark on ◌) or replaced, and measuring the text agrees with where Terminal.Gui puts it.
    // The mark joins ◌ into one cluster at least a column wide (not every zero-width mark does).
    private static bool OnDottedCircle(ReadOnlySpan<char> mark)
    {
        string s = "\u25CC" + mark.ToString();
        return StringInfo.GetNextTextElementLength(s) == s.Length && TextWidth.OfCluster(s) > 0;
    }

    // Dropping a cluster can join its neighbours into a new one: repeat until nothing changes (twice at most in practice).
    private static string NoZeroWidthClusters(string s)
    {
        for (int pass = 0; pass < 4; pass++)
        {
            string next = ZeroWidthPass(s);
            if (ReferenceEquals(next, s)) break;
            s = next;
        }
        return s;
    }

    private static string ZeroWidthPass(string s)
    {
        if (s.AsSpan().IndexOfAnyExceptInRange(' ', '~') < 0) return s;
        StringBuilder? sb = null;
        int at = 0;
        ReadOnlySpan<char> span = s;
        while (at < span.Length)
        {
            int n = StringInfo.GetNextTextElementLength(span[at..]);
            ReadOnlySpan<char> g = span.Slice(at, n);
            if (g is not "\n" && TextWidth.OfCluster(g) == 0)
            {
                sb ??= new StringBuilder(s.Length + 8).Append(s, 0, at);
                Rune.DecodeFromUtf16(g, out Rune r, out _);
                UnicodeCategory cat = Rune.GetUnicodeCategory(r);
                if (cat is UnicodeCategory.NonSpacingMark or UnicodeCategory.EnclosingMark or UnicodeCategory.SpacingCombiningMark
                    && OnDottedCircle(g)) sb.Append('\u25CC').Append(g);
                else if (cat != UnicodeCategory.Format) sb.Append('\uFFFD');
            }
            else sb?.Append(g);
            at += n;
        }
        return sb?.ToString() ?? s;
    }
}
