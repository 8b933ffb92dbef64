using BatchTui.Core.Api;
using BatchTui.Core.Requests;
using System.Text.Json;

namespace BatchTui.Core.Tests.Requests;

public class TemplateTests
{
    private static string Json(BatchRequestItem item) => JsonSerializer.Serialize(item.Params);

    [Fact]
    public void One_request_per_input_with_numbered_custom_ids()
    {
        var t = new RequestTemplate { Model = "claude-haiku-4-5", MaxTokens = "256", UserMessage = "Translate: {input}" };
        TemplateExpansion x = TemplateExpander.Expand(t, TemplateExpander.InputsFromText("bonjour\r\n\r\nhola\n  \ndanke\n"));
        Assert.Empty(x.Errors);
        Assert.Equal(["row-1", "row-2", "row-3"], x.Items.Select(i => i.CustomId));
        Assert.Equal("""{"model":"claude-haiku-4-5","max_tokens":256,"messages":[{"role":"user","content":"Translate: hola"}]}""", Json(x.Items[1]));
        Assert.True(CheckedRequests.Check(x.Items).CanSubmit);
    }

    [Fact]
    public void Every_form_field_lands_in_params()
    {
        var t = new RequestTemplate
        {
            Model = "claude-sonnet-4-5",
            MaxTokens = "4,096",
            System = "You grade {input}.",
            UserMessage = "Grade: {input}",
            Temperature = "0.2",
            ThinkingType = "enabled",
            ThinkingBudget = "2048",
            ToolsJson = """[{"name":"grade","input_schema":{"type":"object"}}]""",
            StopSequences = "END\r\nSTOP\n",
            MetadataJson = """{"user_id":"eval-7"}""",
            CustomIdPattern = "case-{n:000}",
        };
        TemplateExpansion x = TemplateExpander.Expand(t, ["essay A"]);
        Assert.Empty(x.Errors);
        Assert.Equal("case-001", x.Items.Single().CustomId);
        Assert.Equal("""{"model":"claude-sonnet-4-5","max_tokens":4096,"system":"You grade essay A.","messages":[{"role":"user","content":"Grade: essay A"}],"temperature":0.2,"thinking":{"type":"enabled","budget_tokens":2048},"tools":[{"name":"grade","input_schema":{"type":"object"}}],"stop_sequences":["END","STOP"],"metadata":{"user_id":"eval-7"}}""",
            Json(x.Items[0]));
    }

    [Theory]
    [InlineData("row-{n}", 7, "row-7")]
    [InlineData("{n:000}", 7, "007")]
    [InlineData("q{n:00}-x", 123, "q123-x")]
    [InlineData("fixed", 3, "fixed")]
    public void Custom_id_patterns(string pattern, int n, string expected) =>
        Assert.Equal(expected, CustomIdPattern.TryParse(pattern, out _)!.Format(n));

    [Fact]
    public void Unknown_placeholder_is_reported() =>
        Assert.Equal(["custom_id pattern: unknown placeholder {i} (use {n} or {n:000})"],
            TemplateExpander.Expand(new RequestTemplate { CustomIdPattern = "row-{i}" }, ["a"]).Errors.Select(e => e.Text));

    public static TheoryData<RequestTemplate, string[], string[]> ErrorRows => new()
    {
        { new RequestTemplate { MaxTokens = "lots" }, ["a"], ["max_tokens: must be a whole number (got \"lots\")"] },
        { new RequestTemplate { MaxTokens = " " }, ["a"], ["max_tokens: is required"] },
        { new RequestTemplate { Temperature = "warm" }, ["a"], ["temperature: must be a number such as 0.7 (got \"warm\")"] },
        { new RequestTemplate { ThinkingType = "enabled" }, ["a"], ["thinking budget: is required"] },
        { new RequestTemplate { ToolsJson = "[\n  {\"name\": \"x\",}\n]" }, ["a"], ["tools: 2:16: The JSON object contains a trailing comma at the end which is not supported in this mode. Change the reader options."] },
        { new RequestTemplate { ToolsJson = "{}" }, ["a"], ["tools: must be a JSON array (got object)"] },
        { new RequestTemplate { MetadataJson = "[]" }, ["a"], ["metadata: must be a JSON object (got array)"] },
        { new RequestTemplate(), [], ["inputs: the message uses {input} but there are no inputs: paste one per line or load a file"] },
        { new RequestTemplate { UserMessage = "Same" }, ["a", "b"], ["user message: has no {input} placeholder, so all 2 requests would be the same"] },
        { new RequestTemplate { CustomIdPattern = "only" }, ["a", "b"], ["custom_id pattern: must contain {n} when there is more than one input (custom_ids must be unique)"] },
    };

    [Theory]
    [MemberData(nameof(ErrorRows))]
    public void Form_field_errors(RequestTemplate t, string[] inputs, string[] expected) =>
        Assert.Equal(expected, TemplateExpander.Expand(t, inputs).Errors.Select(e => e.Text));

    [Fact]
    public void A_template_without_placeholder_and_no_inputs_is_one_request()
    {
        TemplateExpansion x = TemplateExpander.Expand(new RequestTemplate { UserMessage = "Write a haiku", CustomIdPattern = "haiku" }, []);
        Assert.Equal(["haiku"], x.Items.Select(i => i.CustomId));
    }

    [Fact]
    public void Rules_of_the_api_are_left_to_the_validator()
    {
        var t = new RequestTemplate { MaxTokens = "1000", ThinkingType = "enabled", ThinkingBudget = "1500" };
        TemplateExpansion x = TemplateExpander.Expand(t, ["a"]);
        Assert.Empty(x.Errors);
        Assert.Equal(["request #1 (custom_id \"row-1\"): params.thinking.budget_tokens must be less than max_tokens (got 1,500, max_tokens is 1,000)"],
            CheckedRequests.Check(x.Items).Report.Messages.Select(m => m.Text));
    }

    [Fact]
    public void Preview_counts_requests_models_and_body_bytes()
    {
        var items = TemplateExpander.Expand(new RequestTemplate { Model = "claude-haiku-4-5" }, ["a", "b"]).Items
            .Concat(TemplateExpander.Expand(new RequestTemplate { Model = "claude-opus-4-8", CustomIdPattern = "o-{n}" }, ["c"]).Items).ToList();
        RequestsPreview p = RequestsPreview.Of(items);
        Assert.Equal(3, p.Count);
        Assert.Equal([new ModelCount("claude-haiku-4-5", 2), new ModelCount("claude-opus-4-8", 1)], p.Models);
        string body = JsonSerializer.Serialize(new { requests = items.Select(i => new { custom_id = i.CustomId, @params = i.Params }) });
        Assert.Equal(System.Text.Encoding.UTF8.GetByteCount(body), p.BodyBytes);
        Assert.Equal(["requests: 3", "models:   claude-haiku-4-5 ×2, claude-opus-4-8 ×1", $"body:     {p.BodyBytes} B ({p.BodyBytes} bytes)"], p.Lines);
    }

    [Fact]
    public void Jsonl_round_trip_keeps_params_exactly()
    {
        var items = TemplateExpander.Expand(new RequestTemplate { UserMessage = "é {input} \"q\"" }, ["x", "y"]).Items;
        string jsonl = RequestsJson.ToJsonl(items);
        CheckedRequests back = CheckedRequests.Check(jsonl);
        Assert.True(back.CanSubmit);
        Assert.Equal(items.Select(i => (i.CustomId, Json(i))), back.Items.Select(i => (i.CustomId, Json(i))));
    }
}
