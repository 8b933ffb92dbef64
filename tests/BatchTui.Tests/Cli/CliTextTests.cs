using BatchTui.Cli;

namespace BatchTui.Tests.Cli;

/// <summary>The CLI's door for untrusted text, and the JSON it writes.</summary>
public sealed class CliTextTests
{
    [Theory]
    [InlineData("msgbatch_01abc", "msgbatch_01abc")]
    [InlineData("a\u001b[2Jb", "a␛[2Jb")]
    [InlineData("t\u001b]0;title\u0007", "t␛]0;title␇")]
    [InlineData("del\u007f", "del␡")]
    [InlineData("csi\u009b6n", "csi\\x9B6n")]
    [InlineData("bidi\u202eevil\u2066x\u2069", "bidi\ufffdevil\ufffdx\ufffd")]
    [InlineData("emoji 🎉 中文 é", "emoji 🎉 中文 é")]
    public void Safe_leaves_nothing_a_terminal_would_obey(string input, string expected) => Assert.Equal(expected, CliText.Safe(input));

    [Fact]
    public void A_lone_surrogate_becomes_the_replacement_character() =>
        Assert.Equal("lone \ufffd surrogate", CliText.Safe("lone " + '\ud800' + " surrogate")); // built here: attributes cannot hold one

    [Fact]
    public void Json_output_escapes_controls_c1_and_bidi_that_came_raw_in_the_api_json()
    {
        string raw = "{\"id\":\"msgbatch_x\",\"note\":\"a\\u001b[2J b\u009b6n c\u202ed\"}";
        foreach (bool indented in new[] { true, false })
        {
            string json = BatchOutput.Json([raw], indented, array: false);
            Assert.DoesNotContain('\u001b', json);
            Assert.DoesNotContain('\u009b', json);
            Assert.DoesNotContain('\u202e', json);
            using var doc = System.Text.Json.JsonDocument.Parse(json);
            Assert.Equal("a\u001b[2J b\u009b6n c\u202ed", doc.RootElement.GetProperty("note").GetString());
        }
    }
}
