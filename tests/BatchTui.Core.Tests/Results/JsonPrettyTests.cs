using BatchTui.Core.Results.Model;

namespace BatchTui.Core.Tests.Results;

/// <summary>The one pretty-printer, used for a whole text (the batch's raw view) as for one element (the results).</summary>
public class JsonPrettyTests
{
    [Fact]
    public void A_json_text_is_indented_with_its_non_ascii_text_readable()
    {
        string? pretty = Json.TryPretty("""{"id":"msgbatch_1","note":"café <b>","n":[1,null]}""", out string? why);
        Assert.Null(why);
        Assert.Equal("{\n  \"id\": \"msgbatch_1\",\n  \"note\": \"café <b>\",\n  \"n\": [\n    1,\n    null\n  ]\n}", pretty);
    }

    [Theory]
    [InlineData("""{"id": "msgbatch_1",""")]
    [InlineData("<html>502 Bad Gateway</html>")]
    [InlineData("""{"id":"\ud800"}""")]
    public void Text_that_cannot_be_re_written_says_why(string raw)
    {
        Assert.Null(Json.TryPretty(raw, out string? why));
        Assert.False(string.IsNullOrWhiteSpace(why));
    }
}
