using BatchTui.Core.Requests;

namespace BatchTui.Core.Tests.Requests;

public class ParserTests
{
    private const string R1 = """{"custom_id":"a","params":{"model":"claude-haiku-4-5","max_tokens":5,"messages":[{"role":"user","content":"Hi"}]}}""";
    private const string R2 = """{"custom_id":"b","params":{"model":"claude-haiku-4-5","max_tokens":5,"messages":[{"role":"user","content":"Yo"}]}}""";

    [Fact]
    public void Jsonl_one_request_per_line_blank_lines_skipped_crlf_accepted()
    {
        ParsedRequests p = RequestsParser.Parse(R1 + "\r\n\r\n" + R2 + "\r\n");
        Assert.Equal(RequestsFormat.Jsonl, p.Format);
        Assert.Empty(p.Errors);
        Assert.Equal(["a", "b"], p.Entries.Select(e => e.CustomId));
        Assert.Equal([1, 3], p.Entries.Select(e => e.Line!.Value));
        Assert.Equal([1, 2], p.Entries.Select(e => e.Index));
    }

    [Fact]
    public void Json_body_pretty_printed_and_on_one_line()
    {
        ParsedRequests pretty = RequestsParser.Parse("{\n  \"requests\": [\n    " + R1 + ",\n    " + R2 + "\n  ]\n}\n");
        Assert.Equal(RequestsFormat.Body, pretty.Format);
        Assert.Empty(pretty.Errors);
        Assert.Equal([3, 4], pretty.Entries.Select(e => e.Line!.Value));

        ParsedRequests oneLine = RequestsParser.Parse("{\"requests\":[" + R1 + "," + R2 + "]}");
        Assert.Equal(RequestsFormat.Body, oneLine.Format);
        Assert.Equal(["a", "b"], oneLine.Entries.Select(e => e.CustomId));
    }

    [Fact]
    public void Bare_array()
    {
        ParsedRequests p = RequestsParser.Parse("[\n" + R1 + ",\n" + R2 + "\n]");
        Assert.Equal(RequestsFormat.Array, p.Format);
        Assert.Empty(p.Errors);
        Assert.Equal(["a", "b"], p.Entries.Select(e => e.CustomId));
    }

    [Fact]
    public void Utf8_bom_is_ignored() =>
        Assert.Empty(RequestsParser.Parse(new byte[] { 0xEF, 0xBB, 0xBF }.Concat(System.Text.Encoding.UTF8.GetBytes(R1)).ToArray()).Errors);

    public static TheoryData<string, string[]> SyntaxRows => new()
    {
        // JSONL: each broken line reported on its own, the good lines still read
        { R1 + "\n{\"custom_id\":\"b\" \"params\":{}}\n" + R2, ["2:18: '\"' is invalid after a value. Expected either ',', '}', or ']'."] },
        { R1 + "\n" + R2 + "\n{\"custom_id\":\"c\",\"params\":{\"max_tokens\":5,}}", ["3:43: The JSON object contains a trailing comma at the end which is not supported in this mode. Change the reader options."] },
        { "{\"custom_id\":\"a\",\"params\":{}}\n{\"custom_id\":\"b\",\n{\"custom_id\":\"c\",\"params\":{}}", ["2:17: Expected start of a property name or value, but instead reached end of data."] },
        { R1 + " x", [$"1:{R1.Length + 2}: 'x' is invalid after a single JSON value. Expected end of data."] },
        { "nope", ["1:2: 'nope' is an invalid JSON literal. Expected the literal 'null'."] },
        // columns count characters, not UTF-8 bytes
        { "{\"custom_id\":\"é€\",\"params\":{\"x\":tru}}", ["1:36: 'tru}}' is an invalid JSON literal. Expected the literal 'true'."] },
        // JSON body: one error, with the line and column inside the document
        { "{\n  \"requests\": [\n    {\"custom_id\": \"a\", \"params\": {}},\n    {\"custom_id\": \"b\" \"params\": {}}\n  ]\n}", ["4:23: '\"' is invalid after a value. Expected either ',', '}', or ']'."] },
        { "[\n  {\"custom_id\": \"a\"},\n  {\"custom_id\": \"b\"}\n", ["4:1: Expected depth to be zero at the end of the JSON payload. There is an open JSON object or array that should be closed."] },
        { "{\"requests\": {}}", ["1:14: \"requests\" must be an array of requests"] },
        { "{\n\"custom\": []\n}", ["1:1: expected {\"requests\": [...]}, a JSON array of requests, or one request per line"] },
        { "[] []", ["1:4: '[' is invalid after a single JSON value. Expected end of data."] },
    };

    [Theory]
    [MemberData(nameof(SyntaxRows))]
    public void Syntax_errors_point_at_line_and_column(string text, string[] expected) =>
        Assert.Equal(expected, RequestsParser.Parse(text).Errors.Select(e => e.Text));

    [Fact]
    public void Jsonl_with_a_broken_line_keeps_the_others_and_numbers_requests_by_position()
    {
        ParsedRequests p = RequestsParser.Parse(R1 + "\n{oops\n" + R2);
        Assert.Equal(["a", "b"], p.Entries.Select(e => e.CustomId));
        Assert.Equal([1, 3], p.Entries.Select(e => e.Index));
        Assert.Single(p.Errors);
        Assert.Equal(2, p.Errors[0].Line);
    }

    [Fact]
    public void First_line_broken_in_a_jsonl_file_is_still_read_as_jsonl()
    {
        ParsedRequests p = RequestsParser.Parse("{\"custom_id\":\"a\",\n" + R2);
        Assert.Equal(RequestsFormat.Jsonl, p.Format);
        Assert.Equal(["b"], p.Entries.Select(e => e.CustomId));
        Assert.Equal(1, p.Errors.Single().Line);
    }

    [Fact]
    public void Json_value_errors_for_form_fields()
    {
        Assert.Null(RequestsParser.FirstJsonError("[{\"name\":\"x\"}]"));
        Assert.Equal("2:3: Expected depth to be zero at the end of the JSON payload. There is an open JSON object or array that should be closed.",
            RequestsParser.FirstJsonError("[\n {")!.Text);
    }
}
