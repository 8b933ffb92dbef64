using BatchTui.Core.Requests;

namespace BatchTui.Core.Tests.Requests;

/// <summary>Each rule as a row: one JSONL line in, the exact messages out.</summary>
public class ValidatorTableTests
{
    private const string Ok = """{"model":"claude-sonnet-4-5","max_tokens":1024,"messages":[{"role":"user","content":"Hi"}]}""";

    /// <summary>A request line with custom_id "r1" and <paramref name="params"/> (default: a valid one).</summary>
    private static string Line(string? @params = null, string id = "\"r1\"") => $$"""{"custom_id":{{id}},"params":{{@params ?? Ok}}}""";

    private static string P(string fields) => $$"""{"model":"claude-sonnet-4-5","max_tokens":2048,"messages":[{"role":"user","content":"Hi"}],{{fields}}}""";

    private static string[] Messages(string jsonl, BatchLimits? limits = null)
    {
        CheckedRequests checkedRequests = CheckedRequests.Check(jsonl, limits);
        Assert.Empty(checkedRequests.Parsed.Errors);
        return checkedRequests.Report.Messages.Select(m => $"{m.Severity}: {m.Text}").ToArray();
    }

    public static TheoryData<string, string[]> Rows => new()
    {
        // custom_id
        { Line(), [] },
        { """{"params":""" + Ok + "}", ["Error: request #1 (no custom_id, line 1): custom_id is required"] },
        { Line(id: "42"), ["Error: request #1 (no custom_id, line 1): custom_id must be a string (got number)"] },
        { Line(id: "\"\""), ["Error: request #1 (custom_id \"\", line 1): custom_id must be 1-64 characters (got 0)"] },
        { Line(id: $"\"{new string('a', 65)}\""), [$"Error: request #1 (custom_id \"{new string('a', 65)}\", line 1): custom_id must be 1-64 characters (got 65)"] },
        { Line(id: $"\"{new string('a', 64)}\""), [] },
        { Line(id: "\"row 1\""), ["Error: request #1 (custom_id \"row 1\", line 1): custom_id may contain only letters, digits, '_' and '-' (found ' ' at position 4)"] },
        { Line(id: "\"row.1\""), ["Error: request #1 (custom_id \"row.1\", line 1): custom_id may contain only letters, digits, '_' and '-' (found '.' at position 4)"] },
        { Line(id: "\"Row_1-b\""), [] },
        { Line() + "\n" + Line(), ["Error: request #2 (custom_id \"r1\", line 2): custom_id duplicates request #1: custom_ids must be unique in a batch"] },
        // request shape
        { "[1,2]", ["Error: request #1 (no custom_id, line 1): must be a JSON object with custom_id and params (got number)", "Error: request #2 (no custom_id, line 1): must be a JSON object with custom_id and params (got number)"] },
        { """{"custom_id":"r1"}""", ["Error: request #1 (custom_id \"r1\", line 1): params is required"] },
        { """{"custom_id":"r1","params":[]}""", ["Error: request #1 (custom_id \"r1\", line 1): params must be an object (got array)"] },
        { """{"custom_id":"r1","params":""" + Ok + ""","extra":1}""", ["Error: request #1 (custom_id \"r1\", line 1): extra is not a request field (a request has only custom_id and params)"] },
        // model, max_tokens
        { Line("""{"max_tokens":5,"messages":[{"role":"user","content":"Hi"}]}"""), ["Error: request #1 (custom_id \"r1\", line 1): params.model is required"] },
        { Line("""{"model":" ","max_tokens":5,"messages":[{"role":"user","content":"Hi"}]}"""), ["Error: request #1 (custom_id \"r1\", line 1): params.model must be a non-empty string"] },
        { Line("""{"model":"claude-nonesuch","max_tokens":5,"messages":[{"role":"user","content":"Hi"}]}"""), ["Warning: request #1 (custom_id \"r1\", line 1): params.model \"claude-nonesuch\" is not a known model id (it is sent as typed)"] },
        { Line("""{"model":"claude-haiku-4-5","messages":[{"role":"user","content":"Hi"}]}"""), ["Error: request #1 (custom_id \"r1\", line 1): params.max_tokens is required"] },
        { Line("""{"model":"claude-haiku-4-5","max_tokens":0,"messages":[{"role":"user","content":"Hi"}]}"""), ["Error: request #1 (custom_id \"r1\", line 1): params.max_tokens must be at least 1 (got 0)"] },
        { Line("""{"model":"claude-haiku-4-5","max_tokens":1.5,"messages":[{"role":"user","content":"Hi"}]}"""), ["Error: request #1 (custom_id \"r1\", line 1): params.max_tokens must be an integer (got 1.5)"] },
        { Line("""{"model":"claude-haiku-4-5","max_tokens":"10","messages":[{"role":"user","content":"Hi"}]}"""), ["Error: request #1 (custom_id \"r1\", line 1): params.max_tokens must be an integer (got string)"] },
        { Line("""{"model":"claude-haiku-4-5","max_tokens":1,"messages":[{"role":"user","content":"Hi"}]}"""), [] },
        // messages
        { Line("""{"model":"claude-haiku-4-5","max_tokens":5}"""), ["Error: request #1 (custom_id \"r1\", line 1): params.messages is required"] },
        { Line("""{"model":"claude-haiku-4-5","max_tokens":5,"messages":[]}"""), ["Error: request #1 (custom_id \"r1\", line 1): params.messages must not be empty"] },
        { Line("""{"model":"claude-haiku-4-5","max_tokens":5,"messages":{}}"""), ["Error: request #1 (custom_id \"r1\", line 1): params.messages must be an array (got object)"] },
        { Line("""{"model":"claude-haiku-4-5","max_tokens":5,"messages":[{"role":"system","content":"Hi"}]}"""), ["Error: request #1 (custom_id \"r1\", line 1): params.messages[0].role must be \"user\" or \"assistant\" (got \"system\")"] },
        { Line("""{"model":"claude-haiku-4-5","max_tokens":5,"messages":[{"content":"Hi"}]}"""), ["Error: request #1 (custom_id \"r1\", line 1): params.messages[0].role is required"] },
        { Line("""{"model":"claude-haiku-4-5","max_tokens":5,"messages":[{"role":"user"}]}"""), ["Error: request #1 (custom_id \"r1\", line 1): params.messages[0].content is required"] },
        { Line("""{"model":"claude-haiku-4-5","max_tokens":5,"messages":[{"role":"user","content":""}]}"""), ["Error: request #1 (custom_id \"r1\", line 1): params.messages[0].content must not be empty (only a final assistant turn may be)"] },
        { Line("""{"model":"claude-haiku-4-5","max_tokens":5,"messages":[{"role":"user","content":7}]}"""), ["Error: request #1 (custom_id \"r1\", line 1): params.messages[0].content must be a string or an array of content blocks (got number)"] },
        { Line("""{"model":"claude-haiku-4-5","max_tokens":5,"messages":[{"role":"user","content":[{"text":"x"}]}]}"""), ["Error: request #1 (custom_id \"r1\", line 1): params.messages[0].content[0].type is required"] },
        // prefill: a final assistant turn is allowed
        { Line("""{"model":"claude-haiku-4-5","max_tokens":5,"messages":[{"role":"user","content":"Hi"},{"role":"assistant","content":"{"}]}"""), [] },
        { Line("""{"model":"claude-haiku-4-5","max_tokens":5,"messages":[{"role":"user","content":[{"type":"text","text":"Hi"}]},{"role":"assistant","content":"Sure"},{"role":"user","content":"More"}]}"""), [] },
        // thinking
        { Line(P("""  "thinking":{"type":"enabled","budget_tokens":1024}""")), [] },
        { Line(P("""  "thinking":{"type":"enabled","budget_tokens":1023}""")), ["Error: request #1 (custom_id \"r1\", line 1): params.thinking.budget_tokens must be at least 1,024 (got 1,023)"] },
        { Line(P("""  "thinking":{"type":"enabled","budget_tokens":2048}""")), ["Error: request #1 (custom_id \"r1\", line 1): params.thinking.budget_tokens must be less than max_tokens (got 2,048, max_tokens is 2,048)"] },
        { Line(P("""  "thinking":{"type":"enabled"}""")), ["Error: request #1 (custom_id \"r1\", line 1): params.thinking.budget_tokens is required when thinking is \"enabled\""] },
        { Line(P("""  "thinking":{"type":"disabled"}""")), [] },
        { Line(P("""  "thinking":{"type":"adaptive"}""")), [] },
        { Line(P("""  "thinking":{"type":"on"}""")), ["Error: request #1 (custom_id \"r1\", line 1): params.thinking.type must be \"enabled\", \"disabled\" or \"adaptive\" (got \"on\")"] },
        { Line(P("""  "thinking":{}""")), ["Error: request #1 (custom_id \"r1\", line 1): params.thinking.type is required"] },
        // temperature, top_p
        { Line(P(""" "temperature":0""")), [] },
        { Line(P(""" "temperature":1""")), [] },
        { Line(P(""" "temperature":1.2""")), ["Error: request #1 (custom_id \"r1\", line 1): params.temperature must be between 0 and 1 (got 1.2)"] },
        { Line(P(""" "temperature":-0.1""")), ["Error: request #1 (custom_id \"r1\", line 1): params.temperature must be between 0 and 1 (got -0.1)"] },
        { Line(P(""" "temperature":"hot" """)), ["Error: request #1 (custom_id \"r1\", line 1): params.temperature must be a number (got string)"] },
        { Line(P(""" "top_p":0.9""")), [] },
        { Line(P(""" "temperature":0.5,"top_p":0.9""")), ["Error: request #1 (custom_id \"r1\", line 1): params.top_p cannot be set together with temperature: set one or the other"] },
        // other fields
        { Line(P(""" "stop_sequences":["END",3]""")), ["Error: request #1 (custom_id \"r1\", line 1): params.stop_sequences must be an array of strings"] },
        { Line(P(""" "metadata":"u1" """)), ["Error: request #1 (custom_id \"r1\", line 1): params.metadata must be an object (got string)"] },
        { Line(P(""" "tools":[{"description":"x","input_schema":{"type":"object"}}]""")), ["Error: request #1 (custom_id \"r1\", line 1): params.tools[0].name is required"] },
        { Line(P(""" "tools":[{"type":"web_search_20250305","name":"web_search"}]""")), [] },
        // batch
        { "", ["Error: batch: requests must not be empty: the batch has no requests"] },
    };

    [Theory]
    [MemberData(nameof(Rows))]
    public void Rule(string jsonl, string[] expected) => Assert.Equal(expected, Messages(jsonl));

    [Fact]
    public void Several_problems_in_one_request_are_all_reported_in_field_order()
    {
        string line = """{"custom_id":"bad id","params":{"model":"claude-haiku-4-5","max_tokens":0,"messages":[],"temperature":3}}""";
        Assert.Equal(
        [
            "Error: request #1 (custom_id \"bad id\", line 1): custom_id may contain only letters, digits, '_' and '-' (found ' ' at position 4)",
            "Error: request #1 (custom_id \"bad id\", line 1): params.max_tokens must be at least 1 (got 0)",
            "Error: request #1 (custom_id \"bad id\", line 1): params.messages must not be empty",
            "Error: request #1 (custom_id \"bad id\", line 1): params.temperature must be between 0 and 1 (got 3)",
        ], Messages(line));
    }

    [Fact]
    public void At_most_100000_requests_per_batch()
    {
        string lines = string.Join('\n', Enumerable.Range(1, 100_001).Select(i => Line(id: $"\"r{i}\"")));
        string[] messages = Messages(lines);
        Assert.Equal(["Error: batch: requests must be at most 100,000 per batch (got 100,001)"], messages);
    }

    [Fact]
    public void Exactly_100000_requests_is_allowed()
    {
        string lines = string.Join('\n', Enumerable.Range(1, 100_000).Select(i => Line(id: $"\"r{i}\"")));
        Assert.Empty(Messages(lines));
    }

    [Fact]
    public void Body_size_limit_names_the_size()
    {
        string lines = Line() + "\n" + Line(id: "\"r2\"");
        long size = CheckedRequests.Check(lines).Preview.BodyBytes;
        string[] messages = Messages(lines, new BatchLimits(MaxBodyBytes: 200));
        Assert.Equal([$"Error: batch: body must be at most 200 bytes; it is {size:N0} bytes"], messages);
        Assert.Equal("Error: batch: body must be at most 256 MB (268,435,456 bytes); it is 300,000,000 bytes",
            "Error: " + RequestValidator.Validate([new RequestEntry(1, 1, System.Text.Json.JsonDocument.Parse(Line()).RootElement)], 300_000_000).Messages.Single().Text);
    }

    [Fact]
    public void Messages_in_a_json_body_carry_the_line_each_request_starts_on()
    {
        string body = "{\n  \"requests\": [\n    " + Line(id: "\"a\"") + ",\n    " + Line("""{"model":"claude-haiku-4-5","max_tokens":0,"messages":[{"role":"user","content":"x"}]}""", "\"b\"") + "\n  ]\n}";
        Assert.Equal(["Error: request #2 (custom_id \"b\", line 4): params.max_tokens must be at least 1 (got 0)"], Messages(body));
    }

    [Fact]
    public void Warnings_do_not_block_submission_errors_do()
    {
        CheckedRequests warn = CheckedRequests.Check(Line("""{"model":"my-finetune","max_tokens":5,"messages":[{"role":"user","content":"Hi"}]}"""));
        Assert.True(warn.CanSubmit);
        Assert.Single(warn.Report.Warnings);
        CheckedRequests bad = CheckedRequests.Check(Line(id: "\"\""));
        Assert.False(bad.CanSubmit);
        Assert.Throws<InvalidOperationException>(() => bad.ToCreateRequest());
    }
}
