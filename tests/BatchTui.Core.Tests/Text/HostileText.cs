using CsCheck;
using System.Text;

namespace BatchTui.Tests.Support.Hostile;

/// <summary>
/// Generators of the text a hostile server or a real model writes: any code point of any plane (lone surrogates
/// included), C0/C1/DEL, escape sequences, emoji with ZWJ and variation selectors, flags and tag sequences, CJK,
/// right-to-left text with bidi overrides, combining marks, format characters. Shared by both test projects.
/// </summary>
public static class HostileText
{
    private static readonly string[] Pieces =
    [
        "\u001b[2J", "\u001b]0;pwned\u0007", "\u001b]52;c;ZXZpbA==\u0007", "\u001b[6n", "\u009b31m", "\r\n", "\r", "\n", "\t",
        "\u200D", "\uFE0F", "\uFE0E", "\u202E", "\u2066", "\u2069", "\u200E", "\u200B", "\uFEFF", "\u00AD", "\u2028",
        "\U0001F389", "\U0001F468\u200D\U0001F469\u200D\U0001F467", "\u2764\uFE0F", "\U0001F1EB\U0001F1F7", "\U0001F44D\U0001F3FD",
        "\U0001F3F4\U000E0067\U000E0062\U000E0073\U000E0063\U000E0074\U000E007F", "\U0001D465", "日本語", "한국어", "\u1100\u1161\u11A8",
        "שלום", "مرحبا", "e\u0301", "\u0301", "Z\u0351\u0352\u0353\u0354", "क्षि", " ", "  ", "word", "=cmd|' /C calc'!A0", "…",
    ];

    private static readonly Gen<string> CodePoint = Gen.Frequency(
        (3, Gen.Int[0, 0x10FFFF]),
        (3, Gen.Int[0, 0x9F]),
        (2, Gen.Int[0xD800, 0xDFFF]),
        (2, Gen.Int[0x1F300, 0x1FAFF]),
        (1, Gen.Int[0x0300, 0x036F]),
        (1, Gen.Int[0x2000, 0x206F]),
        (1, Gen.Int[0x4E00, 0x9FFF]),
        (1, Gen.Int[0xE0000, 0xE007F]),
        (1, Gen.Int[0xFE00, 0xFE0F]),
        (1, Gen.Int[0x0590, 0x06FF])
    ).Select(cp => cp is >= 0xD800 and <= 0xDFFF || cp <= 0xFFFF ? ((char)cp).ToString() : char.ConvertFromUtf32(cp));

    private static readonly Gen<string> Piece = Gen.Frequency(
        (4, CodePoint),
        (3, Gen.OneOf(Pieces)),
        (3, Gen.String[Gen.Char['a', 'z'], 1, 8]));

    /// <summary>A hostile string of up to <paramref name="maxPieces"/> pieces.</summary>
    public static Gen<string> String(int maxPieces = 24) => Piece.Array[0, maxPieces].Select(p => string.Concat(p));

    /// <summary>A JSON string literal for <paramref name="s"/> with every non-ASCII or special char as a \u escape, so
    /// lone surrogates reach the parser the way a server could send them.</summary>
    public static string JsonLiteral(string s)
    {
        var sb = new StringBuilder("\"");
        foreach (char c in s)
        {
            if (c is >= ' ' and < '\u007f' && c is not '"' and not '\\') sb.Append(c);
            else sb.Append($"\\u{(int)c:x4}");
        }
        return sb.Append('"').ToString();
    }
}
