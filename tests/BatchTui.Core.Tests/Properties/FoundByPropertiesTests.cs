using BatchTui.Core.Requests;
using BatchTui.Core.Results.Index;
using BatchTui.Core.Results.Model;
using System.Text;

namespace BatchTui.Core.Tests.Properties;

/// <summary>The cases the property tests found, kept as plain examples: each threw (or disagreed) before its fix.</summary>
public sealed class FoundByPropertiesTests
{
    private const string Params = "\"params\":{\"model\":\"claude-sonnet-4-6\",\"max_tokens\":16,\"messages\":[{\"role\":\"user\",\"content\":";

    [Fact]
    public void Invalid_utf8_or_half_a_surrogate_pair_in_a_request_is_an_error_at_its_line_not_a_throw()
    {
        byte[] text = [.. Encoding.UTF8.GetBytes("{\"custom_id\":\"a\"," + Params + "\"ok\"}]}}\n{\"custom_id\":\"b\"," + Params + "\"bad "),
            0xE2, 0x80, .. Encoding.UTF8.GetBytes("\"}]}}\n{\"custom_id\":\"c\"," + Params + "\"cut \\ud83d\"}]}}\n")];
        var parsed = RequestsParser.Parse(text);
        Assert.Equal(["a"], parsed.Entries.Select(e => e.CustomId));
        Assert.Equal([2, 3], parsed.Errors.Select(e => e.Line));
        Assert.Contains("invalid UTF-8", parsed.Errors[0].Message);
        Assert.Contains("half of a surrogate pair", parsed.Errors[1].Message);
        Assert.False(CheckedRequests.Check(parsed).CanSubmit);

        var array = RequestsParser.Parse("[{\"custom_id\":\"a\"," + Params + "\"x\"}]}},\n {\"custom_id\":\"\\udc00\"," + Params + "\"y\"}]}}]");
        Assert.Single(array.Entries);
        Assert.Equal(2, Assert.Single(array.Errors).Line);
    }

    [Fact]
    public void A_sampling_value_beyond_double_is_a_validation_message()
    {
        var check = CheckedRequests.Check("{\"custom_id\":\"a\",\"params\":{\"model\":\"claude-sonnet-4-6\",\"max_tokens\":16,\"top_p\":1e400,\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]}}");
        Assert.Contains(check.Report.Errors, m => m.Text.Contains("params.top_p must be between 0 and 1 (got 1e400)"));
    }

    [Fact]
    public void A_template_with_a_cut_emoji_or_an_infinite_temperature_says_so()
    {
        var cut = TemplateExpander.Expand(new RequestTemplate { System = "Great \ud83d", ToolsJson = "[{\"name\":\"\ud83d\"}]" }, ["x"]);
        Assert.Equal(["system", "tools"], cut.Errors.Select(e => e.Field));
        Assert.Contains("surrogate", cut.Errors[0].Message);
        var input = TemplateExpander.Expand(new RequestTemplate(), ["fine", "\udc00"]);
        Assert.Equal("input 2", Assert.Single(input.Errors).Field);
        var temperature = TemplateExpander.Expand(new RequestTemplate { Temperature = "1e400" }, ["x"]);
        Assert.Equal("temperature", Assert.Single(temperature.Errors).Field);
    }

    [Fact]
    public void Half_a_surrogate_pair_in_a_result_shows_as_a_replacement_character()
    {
        byte[] line = Encoding.UTF8.GetBytes("""{"custom_id":"x\udfff","result":{"type":"succeeded","message":{"model":"m","content":[{"type":"text","text":"cut \ud83d here"},{"type":"\udfff","\ud800":1}],"stop_reason":"end_turn"}}}""");
        var detail = ResultDetail.Parse(line);
        Assert.Equal(ResultKind.Succeeded, detail.Kind);
        Assert.Equal("x\uFFFD", detail.CustomId);
        Assert.Equal("cut \uFFFD here", detail.Nodes[1].Detail);
        Assert.Contains("\\ud83d", detail.Nodes[1].RawJson); // as it stands in the file
        Assert.Contains("\\udfff", detail.PrettyJson);
        _ = detail.Nodes[2].Children.Select(c => c.Label).ToList();

        var pool = new StringPool();
        LineScan scan = default;
        LineScanner.ScanPrecisely(line, pool, ref scan);
        Assert.Null(scan.Problem);
        Assert.Equal("x\uFFFD", scan.CustomId);
    }

    [Fact]
    public void An_errored_line_without_its_error_object_has_raw_json()
    {
        var detail = ResultDetail.Parse(Encoding.UTF8.GetBytes("""{"custom_id":"e","result":{"type":"errored"}}"""));
        Assert.Equal(ResultKind.Errored, detail.Kind);
        Assert.Equal("", detail.Nodes[0].RawJson);
    }

    [Fact]
    public void A_usage_field_of_the_wrong_type_still_renders_the_message()
    {
        var detail = ResultDetail.Parse(Encoding.UTF8.GetBytes("""{"custom_id":"u","result":{"type":"succeeded","message":{"model":"m","content":[],"usage":{"input_tokens":1,"server_tool_use":"web_search"}}}}"""));
        Assert.Equal(ResultKind.Succeeded, detail.Kind);
        Assert.Contains(detail.Nodes[0].Children, n => n.Label.StartsWith("usage: 1 in", StringComparison.Ordinal));
    }

    [Fact]
    public void An_error_type_that_is_an_object_reads_the_same_in_both_scanners()
    {
        byte[] line = Encoding.UTF8.GetBytes("""{"custom_id":"r-1","result":{"type":"errored","error":{"type":{"type":"invalid_request_error"},"request_id":"req_1"}}}""");
        var pool = new StringPool();
        LineScan fast = default, precise = default;
        Assert.True(FastLineScanner.TryScan(line, pool, ref fast));
        LineScanner.ScanPrecisely(line, pool, ref precise);
        Assert.Null(precise.Problem);
        Assert.Equal(ResultKind.Errored, precise.Kind);
        Assert.Equal(pool[fast.Reason < 0 ? (short)0 : fast.Reason], pool[precise.Reason < 0 ? (short)0 : precise.Reason]);
    }

    [Fact]
    public void A_first_line_is_cut_between_graphemes()
    {
        // max is in columns (an emoji or a flag takes two); a cut never leaves part of a cluster.
        Assert.Equal("ab👩‍💻…", Json.FirstLine("ab👩‍💻👩‍💻👩‍💻", 5)); // not "ab👩‍" (a ZWJ sequence cut in half)
        Assert.Equal("ab👩‍💻👩‍💻…", Json.FirstLine("ab👩‍💻👩‍💻👩‍💻", 7));
        Assert.Equal("🇯🇵…", Json.FirstLine("🇯🇵🇺🇦🇧🇷", 4)); // not half of the second flag's first surrogate pair
        Assert.Equal("e\u0301\u0301…", Json.FirstLine("e\u0301\u0301e\u0301\u0301x", 2));
    }
}
