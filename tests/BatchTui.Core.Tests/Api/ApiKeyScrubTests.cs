using BatchTui.Core.Api;

namespace BatchTui.Core.Tests.Api;

/// <summary>Key redaction replaces the key only where it stands as a whole token.</summary>
public class ApiKeyScrubTests
{
    [Theory]
    // A short key inside words is left alone (it used to give "inv[redacted]lid" and show where it occurs).
    [InlineData("a", "invalid api key", "invalid api key")]
    [InlineData("a", "key a was refused", "key [redacted] was refused")]
    [InlineData("sk-1", "sk-12 is not sk-1", "sk-12 is not [redacted]")]
    // Delimited by anything that is not a key character: quotes, '=', ':', brackets, whitespace, line edges.
    [InlineData("sk-ant-xyz", "sk-ant-xyz", "[redacted]")]
    [InlineData("sk-ant-xyz", "x-api-key: sk-ant-xyz\n(\"sk-ant-xyz\") key=sk-ant-xyz.", "x-api-key: [redacted]\n(\"[redacted]\") key=[redacted].")]
    // Glued to key characters on either side it is part of a longer token, not the key.
    [InlineData("sk-ant-xyz", "sk-ant-xyz1 xsk-ant-xyz _sk-ant-xyz sk-ant-xyz-2", "sk-ant-xyz1 xsk-ant-xyz _sk-ant-xyz sk-ant-xyz-2")]
    [InlineData("aa", "aaa aa", "aaa [redacted]")]
    [InlineData("k", "", "")]
    public void Redacts_whole_tokens_only(string key, string text, string expected) =>
        Assert.Equal(expected, new ApiKey(key).Scrub(text));

    [Fact]
    public void No_whole_token_of_the_key_survives_in_any_context()
    {
        var key = new ApiKey("sk-ant-api03-Secret_Key");
        string[] around = [" ", "\"", "'", "=", ":", "\n", "\t", "/", "(", ")", ",", ".", "é", "🎉"];
        foreach (string l in around)
            foreach (string r in around)
            {
                string scrubbed = key.Scrub($"start{l}{key.Reveal()}{r}{key.Reveal()}{r}end");
                Assert.DoesNotContain(key.Reveal(), scrubbed);
                Assert.Equal($"start{l}[redacted]{r}[redacted]{r}end", scrubbed);
            }
    }
}
