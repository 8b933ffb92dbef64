using BatchTui.Core.Text;
using System.Globalization;

namespace BatchTui.Core.Tests.Text;

public class UntrustedTextTests
{
    [Theory]
    [InlineData("plain ascii", "plain ascii")]
    [InlineData("clear\u001b[2J", "clear\u241b[2J")]
    [InlineData("title\u001b]0;pwned\u0007", "title\u241b]0;pwned\u2407")]
    [InlineData("nul\0 and del\u007f", "nul\u2400 and del\u2421")]
    [InlineData("csi\u009b6n", "csi\\x9B6n")]
    [InlineData("nel\u0085 st\u009c", "nel\\x85 st\\x9C")]
    [InlineData("two\nlines\r\nand\ttab", "two\u240alines\u240d\u240aand\u2409tab")]
    [InlineData("evil\u202Egnp.exe", "evil\ufffdgnp.exe")]
    [InlineData("iso\u2066late\u2069", "iso\ufffdlate\ufffd")]
    [InlineData("zero\u200Bwidth\uFEFF and \u200Emarks", "zerowidth and marks")]
    [InlineData("\u0301 leading mark", "\u25cc\u0301 leading mark")]
    public void Single_lines_show_controls_as_visible_stand_ins(string raw, string shown) =>
        Assert.Equal(shown, UntrustedText.ForTerminal(raw));

    [Fact]
    public void Lone_surrogates_become_replacement_characters()
    {
        // Built at run time: a lone surrogate does not survive attribute metadata.
        string high = "lone " + (char)0xD800 + " high", low = "lone " + (char)0xDC00 + " low", swapped = "x" + (char)0xDE00 + (char)0xD83C;
        Assert.Equal("lone \ufffd high", UntrustedText.ForTerminal(high));
        Assert.Equal("lone \ufffd low", UntrustedText.ForTerminal(low));
        Assert.Equal("x\ufffd\ufffd", UntrustedText.ForTerminal(swapped));
    }

    [Fact]
    public void Emoji_sequences_keep_their_joiners_and_selectors()
    {
        const string family = "\U0001F468\u200D\U0001F469\u200D\U0001F467";
        const string flag = "\U0001F3F4\U000E0067\U000E0062\U000E0065\U000E006E\U000E0067\U000E007F";
        const string heart = "\u2764\uFE0F";
        Assert.Equal(family + flag + heart, UntrustedText.ForTerminal(family + flag + heart));
    }

    [Fact]
    public void Multi_line_text_keeps_line_breaks_and_files_keep_tabs()
    {
        Assert.Equal("a\nb\nc\n    d\u241b", UntrustedText.ForTerminalLines("a\r\nb\rc\n\td\u001b"));
        Assert.Equal("a\nb\u240dc\n\td\u241b\\x9B", UntrustedText.ForFile("a\r\nb\rc\n\td\u001b\u009b"));
    }

    [Theory]
    [InlineData("abc", 3)]
    [InlineData("Great news \U0001F389 it works", 22)]
    [InlineData("\U0001D465 + \U0001D466", 5)]
    [InlineData("日本語", 6)]
    [InlineData("e\u0301te\u0301", 3)]
    [InlineData("\U0001F468\u200D\U0001F469\u200D\U0001F467", 2)]
    [InlineData("\U0001F1EB\U0001F1F7", 2)]
    public void Widths_count_display_columns_by_cluster(string s, int width) => Assert.Equal(width, TextWidth.Of(s));

    [Fact]
    public void Cutting_never_splits_a_cluster()
    {
        const string s = "ab\U0001F389cd\U0001F468\u200D\U0001F469\u200D\U0001F467e";
        Assert.Equal("ab", TextWidth.Cut(s, 3));
        Assert.Equal("ab\U0001F389", TextWidth.Cut(s, 4));
        Assert.Equal("ab\U0001F389cd", TextWidth.Cut(s, 7));
        Assert.Equal("\U0001F468\u200D\U0001F469\u200D\U0001F467e", TextWidth.Tail(s, 3));
        Assert.Equal("ab\U0001F389…", TextWidth.Fit("ab\U0001F389\U0001F389\U0001F389", 5));
        Assert.Equal(5, TextWidth.Of(TextWidth.Fit("日本語テキスト", 5)));
        Assert.Equal(" cd", TextWidth.Skip("\U0001F389cd", 1));
    }
}
