using System.Globalization;
using System.Text;
using Wcwidth;

namespace BatchTui.Core.Text;

/// <summary>
/// Display width by grapheme cluster, measured the way Terminal.Gui 2.5 places cells: a cluster's width is the sum of
/// its code points' wcwidth (the same Wcwidth tables, negatives as 0) clamped to 2, and a cluster always takes at least
/// one cell. So CJK and most emoji are 2, ZWJ sequences 2, combining marks add 0. One divergence from some terminals
/// is inherited: a narrow symbol made emoji by VS16 (☺️) is 1 wide here, as in Terminal.Gui, so cells still line up.
/// Cutting never splits a cluster. Measure text that went through <see cref="UntrustedText"/>: raw controls have no
/// meaningful width.
/// </summary>
public static class TextWidth
{
    // wcwidth + 2 for each UTF-16 code unit (0 = not looked up yet): the BMP is most of what gets measured.
    private static readonly byte[] Bmp = new byte[char.MaxValue + 1];
    private static readonly Lock Gate = new();

    /// <summary>The columns <paramref name="s"/> takes on screen.</summary>
    public static int Of(string? s) => string.IsNullOrEmpty(s) ? 0 : Of(s.AsSpan());

    public static int Of(ReadOnlySpan<char> s)
    {
        int ascii = s.IndexOfAnyExceptInRange(' ', '~');
        if (ascii < 0) return s.Length;
        // The last ASCII char may start a cluster with what follows (e + combining acute).
        if (ascii > 0) ascii--;
        int total = ascii;
        s = s[ascii..];
        while (!s.IsEmpty)
        {
            int n = StringInfo.GetNextTextElementLength(s);
            total += Cells(s[..n]);
            s = s[n..];
        }
        return total;
    }

    /// <summary>The wcwidth of one code point as Terminal.Gui reads it: -1 (control), 0, 1 or 2.</summary>
    public static int OfRune(int codePoint)
    {
        if (codePoint is >= 0x20 and < 0x7F) return 1;
        if (codePoint <= char.MaxValue)
        {
            byte b = Bmp[codePoint];
            if (b == 0)
            {
                lock (Gate) b = (byte)(UnicodeCalculator.GetWidth(codePoint) + 2);
                Bmp[codePoint] = b;
            }
            return b - 2;
        }
        lock (Gate) return UnicodeCalculator.GetWidth(codePoint);
    }

    /// <summary>A cluster's width by Terminal.Gui's rule (0, 1 or 2): what <c>string.GetColumns()</c> says of it.</summary>
    public static int OfCluster(ReadOnlySpan<char> cluster)
    {
        if (cluster.Length == 1 && cluster[0] is >= ' ' and <= '~') return 1;
        int sum = 0;
        foreach (Rune r in cluster.EnumerateRunes())
        {
            sum += Math.Max(0, OfRune(r.Value));
            if (sum >= 2) return 2;
        }
        return sum;
    }

    /// <summary>The cells a cluster takes when drawn: 1 or 2.</summary>
    public static int Cells(ReadOnlySpan<char> cluster) => Math.Max(1, OfCluster(cluster));

    /// <summary>The number of chars of the longest prefix of whole clusters at most <paramref name="columns"/> wide.</summary>
    public static int PrefixLength(ReadOnlySpan<char> s, int columns, out int width)
    {
        width = 0;
        if (columns <= 0) return 0;
        int at = 0;
        while (at < s.Length)
        {
            char c = s[at];
            if (c is >= ' ' and <= '~' && (at + 1 == s.Length || s[at + 1] < 0x300))
            {
                // An ASCII char not followed by anything that could join it is a cluster of one column.
                if (width + 1 > columns) break;
                width++;
                at++;
                continue;
            }
            int n = StringInfo.GetNextTextElementLength(s[at..]);
            int w = Cells(s.Slice(at, n));
            if (width + w > columns) break;
            width += w;
            at += n;
        }
        return at;
    }

    /// <summary>The longest prefix of whole clusters at most <paramref name="columns"/> wide.</summary>
    public static string Cut(string s, int columns)
    {
        int n = PrefixLength(s, columns, out _);
        return n == s.Length ? s : s[..n];
    }

    /// <summary>The longest suffix of whole clusters at most <paramref name="columns"/> wide.</summary>
    public static string Tail(string s, int columns)
    {
        if (columns <= 0) return "";
        var starts = new List<int>();
        int at = 0;
        while (at < s.Length)
        {
            starts.Add(at);
            at += StringInfo.GetNextTextElementLength(s.AsSpan(at));
        }
        int width = 0, from = s.Length;
        for (int i = starts.Count - 1; i >= 0; i--)
        {
            int w = Cells(s.AsSpan(starts[i], from - starts[i]));
            if (width + w > columns) break;
            width += w;
            from = starts[i];
        }
        return s[from..];
    }

    /// <summary>The text after its first <paramref name="columns"/> columns (horizontal scrolling); a wide cluster
    /// cut in half leaves a space.</summary>
    public static string Skip(string s, int columns)
    {
        if (columns <= 0) return s;
        int n = PrefixLength(s, columns, out int width);
        if (n >= s.Length) return "";
        if (width < columns)
        {
            int g = StringInfo.GetNextTextElementLength(s.AsSpan(n));
            return " " + s[(n + g)..];
        }
        return s[n..];
    }

    /// <summary>Exactly <paramref name="width"/> columns: cut with an ellipsis when too wide, else padded.</summary>
    public static string Fit(string s, int width, bool right = false)
    {
        if (width <= 0) return "";
        int n = PrefixLength(s, width, out int w);
        if (n < s.Length)
        {
            string cut = Cut(s, width - 1) + "…";
            return Pad(cut, width);
        }
        return Pad(s, width, right, w);
    }

    /// <summary>Padded with spaces to <paramref name="width"/> columns (never cut).</summary>
    public static string Pad(string s, int width, bool right = false) => Pad(s, width, right, Of(s));

    private static string Pad(string s, int width, bool right, int has) =>
        has >= width ? s : right ? new string(' ', width - has) + s : s + new string(' ', width - has);

    /// <summary>At most <paramref name="maxChars"/> chars of <paramref name="s"/>, never ending inside a surrogate pair
    /// (a cheap head of a huge text before it is sanitised and measured).</summary>
    public static string Head(string s, int maxChars)
    {
        if (s.Length <= maxChars) return s;
        int cut = Math.Max(0, maxChars);
        if (cut > 0 && char.IsHighSurrogate(s[cut - 1])) cut--;
        return s[..cut];
    }
}
