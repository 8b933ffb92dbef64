using BatchTui.Core.Text;
using BatchTui.Tests.Support;
using BatchTui.Tui.Results;
using BatchTui.Tui.Shell;
using BatchTui.Tui.Text;
using System.Text;
using System.Text.Json;
using Terminal.Gui.Input;
using static BatchTui.Tests.Results.ResultsFixtures;

namespace BatchTui.Tests.Results;

/// <summary>
/// Real-world text in the results browser, through a real headless Terminal.Gui app over a file: emoji and other
/// characters outside the BMP, control characters, a 50 MB text block.
/// </summary>
[Collection("Results UI")]
public class UntrustedResultsTests : IDisposable
{
    private readonly TempFolder _dir = new();
    private TuiDriver? _h;

    public void Dispose()
    {
        _h?.Dispose();
        _dir.Dispose();
    }

    // open FILE in the app's shell; the driver waits for the shell's work, the indexing pass included.
    private ResultsPane Open(int cols, int rows, params string[] lines)
    {
        _h = TuiDriver.Open(Write(_dir.Path, lines), cols, rows);
        var pane = (ResultsPane)_h.Shell.Top!;
        Assert.True(pane.Ready.IsCompleted, "indexed once the shell's work is done");
        return pane;
    }

    /// <summary>Every screen line holds no control character and is exactly as wide as the screen.</summary>
    internal static void AssertClean(string[] lines, int cols)
    {
        foreach (string line in lines)
        {
            Assert.True(UntrustedText.IsInert(line), $"control character on screen: {string.Join('\n', lines)}");
            Assert.True(TextWidth.Of(line) <= cols, $"line wider than {cols}: \"{line}\" ({TextWidth.Of(line)})");
        }
    }

    [Theory]
    [InlineData(120, 30)]
    [InlineData(47, 20)]
    [InlineData(30, 16)]
    public void Emoji_and_characters_outside_the_BMP_draw_in_the_tree_the_list_and_the_text(int cols, int rows)
    {
        ResultsPane pane = Open(cols, rows,
            Succeeded("emoji-\U0001F389", Text("Great news \U0001F389 it works")),
            Succeeded("math", Text("\U0001D465 + \U0001D466 = \U0001D467, the end \U0001D465\U0001D465\U0001D465\U0001D465\U0001D465\U0001D465\U0001D465\U0001D465\U0001D465\U0001D465\U0001D465\U0001D465\U0001D465")),
            Succeeded("zwj", Text("family \U0001F468\u200D\U0001F469\u200D\U0001F467 日本語のテキスト e\u0301 \u2764\uFE0F \U0001F1EB\U0001F1F7 שלום")));
        _h!.Press(Key.Tab); // the tree
        _h.Press(Key.J); // the text node
        string[] lines = _h.Lines();
        AssertClean(lines, cols);
        if (cols >= 120)
        {
            Assert.Contains(lines, l => l.Contains("text: Great news \U0001F389 it works"));
            Assert.Contains(lines, l => l.Contains("emoji-\U0001F389") && l.Contains("Great news \U0001F389 it works"));
        }
        Assert.Contains("Great news \U0001F389 it works", pane.Panel.Content);
        foreach (int row in new[] { 1, 2 })
        {
            _h.Press(Key.Tab, Key.Tab); // back to the list
            pane.Table.SelectRow(row);
            _h.Settle();
            _h.Press(Key.Tab);
            _h.Press(Key.J);
            lines = _h.Lines();
            AssertClean(lines, cols);
        }
        Assert.Contains(lines, l => l.Contains("family"));
    }

    [Fact]
    public void Control_characters_show_as_their_own_stand_ins_c1_and_del_included()
    {
        ResultsPane pane = Open(120, 30,
            Succeeded("esc\\u001b[2J", Text("clear\u001b[2J title\u001b]0;pwned\u0007 csi\u009b6n del\u007f end")),
            Errored("err", "bad\\u009btype", "message \\u001b[31mred"));
        _h!.Press(Key.Tab, Key.J);
        string screen = _h.Screen();
        AssertClean(_h.Lines(), 120);
        Assert.True(screen.Contains("text: clear\u241b[2J title\u241b]0;pwned\u2407 csi\\x9B6n del\u2421 end"), screen);
        Assert.Contains("esc\u241b[2J", screen);
        // U+2400 + code is right only for C0: 0x9B was shown as ⒛ and DEL as ⑿ (U+247F).
        Assert.DoesNotContain("\u249b", screen);
        Assert.DoesNotContain("\u247f", screen);
        Assert.Contains("csi\\x9B6n del\u2421 end", pane.Panel.Content.Length > 0 ? string.Join("", TextWrap.Wrap(pane.Panel.Content, 200)) : "");
        _h.Press(Key.Tab, Key.Tab);
        pane.Table.SelectRow(1);
        _h.Settle();
        screen = _h.Screen();
        AssertClean(_h.Lines(), 120);
        Assert.Contains("bad\\x9Btype", screen);
    }

    [Fact]
    public void A_50_MB_text_block_shows_its_first_part_and_says_how_to_get_the_rest()
    {
        var big = new StringBuilder(50 * 1024 * 1024 + 64);
        while (big.Length < 50 * 1024 * 1024) big.Append("All work and no play makes a long line. ");
        ResultsPane pane = Open(100, 30, Succeeded("huge", Text(big.ToString())), Succeeded("small", Text("short")));
        big.Clear();
        _h!.Press(Key.Tab);
        // Indexed in the background, by the shell's runner: the driver waited for it, so the tree is there now.
        Assert.True(pane.Tree.Objects?.Any() == true, "the 50 MB line's tree");
        _h.Press(Key.J); // the 50 MB text node
        Assert.StartsWith("text: All work and no play", pane.Tree.SelectedObject!.Label);
        string content = pane.Panel.Content;
        Assert.True(content.Length < TextCap.MaxChars + 200, $"the panel holds {content.Length:N0} chars");
        Assert.Matches(@"… 4\d\.\d MB more, v shows raw / w exports$", content);
        Assert.StartsWith("All work and no play", content);
        Assert.InRange(pane.Panel.LineCount, 100, 3000);
        string[] lines = _h.Lines();
        AssertClean(lines, 100);
        Assert.Contains(lines, l => l.Contains("All work and no play makes a long line."));

        _h.Press(Key.V); // the raw JSON, bounded too
        content = pane.Panel.Content;
        Assert.True(content.Length < TextCap.MaxChars + 200, $"the raw view holds {content.Length:N0} chars");
        Assert.StartsWith("{\"custom_id\":\"huge\"", content);
        Assert.Matches(@"… 4\d\.\d MB more \(not re-indented: the line is 5\d\.\d MB\), w exports the row \(\.jsonl keeps it whole\)$", content);
        AssertClean(_h.Lines(), 100);
    }

    [Fact]
    public void The_clipboard_gets_the_text_without_its_escape_sequences()
    {
        string sequence = Osc52.Sequence("copy \u001b]52;c;ZXZpbA==\u0007 and \u009b6n\r\nline two\ttab");
        Assert.StartsWith("\u001b]52;c;", sequence);
        string payload = Encoding.UTF8.GetString(Convert.FromBase64String(sequence["\u001b]52;c;".Length..^1]));
        Assert.Equal("copy \u241b]52;c;ZXZpbA==\u2407 and \\x9B6n\nline two\ttab", payload);
        // The list's `y` (a batch id) goes through the same one escape: plain text comes back unchanged.
        Assert.Equal("msgbatch_01ABC", Encoding.UTF8.GetString(Convert.FromBase64String(Osc52.Sequence("msgbatch_01ABC")["\u001b]52;c;".Length..^1])));
    }
}
