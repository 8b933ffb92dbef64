using BatchTui.Simulator.Engine;
using System.Text;

namespace BatchTui.Simulator.Content;

/// <summary>
/// Text as real models and real users produce it, and as no hand-written fixture does: emoji and ZWJ sequences,
/// flags, CJK and full-width forms, right-to-left scripts with bidi overrides, combining marks, C0/C1 controls and
/// terminal escape sequences. A client must show all of it as data and be driven by none of it.
/// </summary>
internal static class MessText
{
    public const string Esc = "\u001b";

    public static readonly string[] Emoji =
    [
        "Great news 🎉 it works",
        "👩‍💻 pair-programmed the fix with 👨‍👩‍👧‍👦 watching; shipped 🚀",
        "Flags: 🏳️‍🌈 🏴‍☠️ 🇯🇵 🇺🇦 🇧🇷 🇪🇺 🏴󠁧󠁢󠁳󠁣󠁴󠁿 (the last one is Scotland, a tag sequence)",
        "Skin tones 👋🏻👋🏽👋🏿, keycaps 1️⃣ #️⃣, a heart with VS16 ❤️ and without ❤, 🫠🫶🪿",
        "Math alphanumerics outside the BMP: 𝑥 = 𝟐𝑦 + 𝜋, 𝔉𝔯𝔞𝔨𝔱𝔲𝔯, 𝓈𝒸𝓇𝒾𝓅𝓉",
        "Rating: ⭐⭐⭐⭐☆ — customers 😡→😐→😍 after the fix ✅",
    ];

    public static readonly string[] Cjk =
    [
        "数据已成功导入。共处理 1,204 条记录，其中 3 条因格式错误被跳过。",
        "ご注文ありがとうございます。発送は１２月３日（水）の予定です。",
        "주문이 접수되었습니다. 배송 조회는 마이페이지에서 가능합니다.",
        "Ｆｕｌｌ－ｗｉｄｔｈ　ＡＳＣＩＩ：ＡＢＣ１２３！　and half-width ｶﾀｶﾅ",
        "混在テキスト mixed 中文 English 한국어 in one line：東京→Paris→서울",
    ];

    public static readonly string[] RightToLeft =
    [
        "تمت معالجة طلبك بنجاح. رقم الطلب ١٢٣٤٥ وسيصل خلال ٣ أيام.",
        "ההזמנה שלך נשלחה. מספר מעקב: 4471-22, צפי הגעה: יום רביעי.",
        "Mixed: the customer wrote «שלום, ההזמנה 42 לא הגיעה» and then «شكراً لكم».",
        "Attachment: invoice_\u202Efdp.exe (a right-to-left override makes this look like invoice_exe.pdf)",
        "Isolates \u2067عربي\u2069 and embeddings \u202Bשלום\u202C, a stray RLM\u200F, LRM\u200E and an unclosed \u202E override",
    ];

    public static readonly string[] Controls =
    [
        "NUL \u0000 BEL \u0007 backspace \b tab \t vertical tab \u000B form feed \f lone CR \r end",
        "C1 controls: NEL \u0085 CSI \u009B DCS \u0090 OSC \u009D ST \u009C and DEL \u007F here",
        "Zero-width: a\u200Bb\u200Cc\u200Dd\u2060e\uFEFFf, soft\u00ADhyphen, line\u2028separator, para\u2029separator",
    ];

    public static readonly string[] Escapes =
    [
        Esc + "[2J" + Esc + "[H" + "The screen was just cleared if you can't read this line.",
        Esc + "]0;pwned: window title set by a result" + "\u0007" + "This line sets the window title (OSC 0).",
        Esc + "]52;c;ZWNobyBwd25lZA==" + "\u0007" + "This line writes 'echo pwned' to your clipboard (OSC 52).",
        "Cursor report requested: " + Esc + "[6n" + " (ESC [ 6 n types a reply into your shell)",
        Esc + "[31;1mred bold" + Esc + "[0m, " + Esc + "[5mblinking" + Esc + "[0m, " + Esc + "]8;;https://evil.example/" +
            Esc + "\\a hyperlink" + Esc + "]8;;" + Esc + "\\, C1 CSI \u009B2J and a DCS " + Esc + "Pq#0;2;0;0;0" + Esc + "\\",
        Esc + "[?1049l" + Esc + "[?1000l" + Esc + "[?25l" + "Leaves the alternate screen, mouse off, cursor hidden.",
    ];

    /// <summary>Zalgo: each letter of <paramref name="text"/> buried under combining marks (U+0300-U+036F).</summary>
    public static string Zalgo(string text, ref Rng rng, int maxMarks = 12)
    {
        var sb = new StringBuilder(text.Length * (maxMarks + 1));
        foreach (char c in text)
        {
            sb.Append(c);
            if (c == ' ') continue;
            int marks = rng.Int(1, maxMarks);
            for (int i = 0; i < marks; i++) sb.Append((char)(0x0300 + rng.Int(0x70)));
        }
        return sb.ToString();
    }

    /// <summary>One line with no break in it: a minified JSON payload as a model echoes it back.</summary>
    public static string LongLine(ref Rng rng, int chars)
    {
        var sb = new StringBuilder(chars + 64);
        sb.Append("{\"records\":[");
        for (int i = 0; sb.Length < chars; i++)
            sb.Append(i == 0 ? "" : ",").Append("{\"id\":").Append(rng.Int(1_000_000))
              .Append(",\"sku\":\"").Append(rng.Id("SKU-", 10)).Append("\",\"qty\":").Append(rng.Int(1, 99)).Append('}');
        return sb.Append("]}").ToString();
    }

    /// <summary>A single word with no space to break on.</summary>
    public static string Unbreakable(ref Rng rng, int chars) => rng.Id("", chars);

    /// <summary>A log dump of about <paramref name="bytes"/> UTF-8 bytes, as a model pastes one back: mostly
    /// ASCII lines, now and then one with emoji, CJK or an escape sequence.</summary>
    public static string Huge(ref Rng rng, int bytes)
    {
        var sb = new StringBuilder(bytes + 256);
        var at = new DateTime(2026, 12, 1, 8, 0, 0, DateTimeKind.Utc);
        for (int i = 0; sb.Length < bytes; i++)
        {
            at = at.AddMilliseconds(rng.Int(1, 900));
            sb.Append(at.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture))
              .Append(" INFO worker[").Append(rng.Int(1, 64)).Append("] job ").Append(100_000 + i)
              .Append(" done in ").Append(rng.Int(1, 2_000)).Append(" ms");
            if (i % 997 == 0) sb.Append(' ').Append(Emoji[i % Emoji.Length]);
            else if (i % 1499 == 0) sb.Append(' ').Append(Cjk[i % Cjk.Length]);
            else if (i % 4999 == 0) sb.Append(' ').Append(Escapes[i % Escapes.Length]);
            sb.Append('\n');
        }
        return sb.ToString();
    }

    /// <summary>Every kind of mess in one paragraph.</summary>
    public static string Everything(ref Rng rng) =>
        $"{rng.Pick(Emoji)} / {rng.Pick(Cjk)} / {rng.Pick(RightToLeft)} / {Zalgo("zalgo", ref rng, 8)} / " +
        $"{rng.Pick(Controls)} / {rng.Pick(Escapes)}";
}
