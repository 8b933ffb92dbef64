using BatchTui.Core.Results.Blocks;
using BatchTui.Core.Results.Index;
using BatchTui.Core.Results.Model;
using System.Text;
using static BatchTui.Core.Tests.Results.ResultLines;

namespace BatchTui.Core.Tests.Results;

public class RendererTests
{
    private static ResultDetail Detail(string line) => ResultDetail.Parse(Encoding.UTF8.GetBytes(Valid(line)));

    private static ResultNode Block(string blockJson) => Detail(Succeeded("b", blockJson)).Nodes[1];

    private static string[] Labels(ResultNode n) => n.Children.Select(c => c.Label).ToArray();

    [Fact]
    public void Every_documented_block_type_has_its_renderer()
    {
        string[] documented =
        [
            "text", "thinking", "redacted_thinking", "tool_use", "server_tool_use", "web_search_tool_result", "web_fetch_tool_result",
            "code_execution_tool_result", "bash_code_execution_tool_result", "text_editor_code_execution_tool_result",
            "tool_search_tool_result", "container_upload", "mcp_tool_use", "mcp_tool_result", "compaction",
        ];
        Assert.Equal(documented.Order(), BlockRenderers.Default.KnownTypes.Order());
    }

    [Fact]
    public void Message_header_shows_id_model_stop_usage_and_container()
    {
        ResultDetail d = Detail(Succeeded("h", ResultLines.Text("hi"), stop: "refusal", input: 1200, output: 34, cacheRead: 5, cacheWrite: 6,
            extra: ""","stop_details":{"type":"refusal","category":"cyber","explanation":"Declined to help."},"container":{"id":"cntr_1","expires_at":"2026-01-01T00:00:00Z","skills":[{"skill_id":"pptx","type":"anthropic","version":"latest"}]}"""));
        ResultNode header = d.Nodes[0];
        Assert.Equal("message msg_h · claude-sonnet-4-5 · refusal · 1,200 in / 34 out", header.Label);
        string[] labels = Labels(header);
        Assert.Contains("stop_reason: refusal (the model declined (safety classifiers intervened))", labels);
        Assert.Contains("stop_details: refusal, category cyber — Declined to help.", labels);
        Assert.Contains("container: cntr_1 (expires 2026-01-01T00:00:00Z)", labels);
        ResultNode usage = header.Children.Single(c => c.Kind == "usage");
        Assert.Equal("usage: 1,200 in · 34 out · cache read 5 · cache write 6", usage.Label);
        Assert.Contains("server_tool_use: web_search_requests 1 · web_fetch_requests 0", Labels(usage));
        Assert.Contains("total input (input + cache read + cache write): 1,211", Labels(usage));
        Assert.Contains("skill: pptx (anthropic, version latest)", Labels(header.Children.Single(c => c.Kind == "container")));
    }

    [Fact]
    public void Text_with_every_citation_type_as_children()
    {
        ResultNode text = Block(ResultLines.Text("Here is the answer.\nSecond line.", $"[{CharCitation},{PageCitation},{BlockCitation},{WebCitation},{SearchResultCitation}]"));
        Assert.Equal("text: Here is the answer. … [5 cites]", text.Label);
        Assert.Equal("Here is the answer.\nSecond line.", text.Detail);
        Assert.Equal("Here is the answer.\nSecond line.", text.CopyText);
        Assert.False(text.CollapsedByDefault);
        Assert.Equal(
        [
            "[1] char_location · doc 0 “Colours” chars 4–20 · “The sky is blue.”",
            "[2] page_location · doc 1 “Annual report” pp. 3–4 · “Revenue grew 12%.”",
            "[3] content_block_location · doc 2 blocks 1–2 · “Step two.”",
            "[4] web_search_result_location · https://example.org/paris “Paris” · “Paris is the capital.”",
            "[5] search_result_location · kb://runbooks/retries result #0 “Retries” blocks 0–1 · “Use a retry budget.”",
        ], Labels(text));
        Assert.Contains("“The sky is blue.”", Labels(text.Children[0]));
    }

    [Fact]
    public void Thinking_is_collapsed_by_default_and_redacted_thinking_is_never_decoded()
    {
        ResultNode t = Block(Thinking);
        Assert.True(t.CollapsedByDefault);
        Assert.Equal("thinking (49 chars)", t.Label);
        Assert.Equal("First, list the constraints.\nThen check each one.", t.Detail);
        Assert.Contains("signature: 29 chars, EqQBCkYIBRgC…", Labels(t));
        ResultNode r = Block(RedactedThinking);
        Assert.Equal("redacted thinking [36 B of encrypted data]", r.Label);
        Assert.DoesNotContain("EmwK", r.Detail);
    }

    [Fact]
    public void Tool_use_shows_name_input_keys_caller_and_pretty_input()
    {
        ResultNode t = Block(ToolUse);
        Assert.Equal("tool_use → get_weather(city, unit)  toolu_01A", t.Label);
        Assert.Equal("{\n  \"city\": \"Paris\",\n  \"unit\": \"celsius\"\n}", t.Detail);
        ResultNode viaCode = Block(ToolUseFromCode);
        Assert.Equal("tool_use → lookup(q) [via code_execution_20250825 srvtoolu_09]  toolu_01B", viaCode.Label);
        Assert.Contains("caller: code_execution_20250825 (tool_id srvtoolu_09)", Labels(viaCode));
    }

    [Theory]
    [InlineData(ServerToolUseSearch, "server_tool_use web_search: capital of France")]
    [InlineData(ServerToolUseBash, "server_tool_use bash_code_execution: $ ls -la /tmp")]
    [InlineData(ServerToolUseEditor, "server_tool_use text_editor_code_execution: view /tmp/a.py")]
    [InlineData(WebSearchResult, "web_search result: 2 results  (srvtoolu_01)")]
    [InlineData(WebSearchError, "web_search result error: max_uses_exceeded  (srvtoolu_01)")]
    [InlineData(WebFetchResult, "web_fetch result: https://example.org/doc (retrieved 2026-01-02T03:04:05Z)")]
    [InlineData(WebFetchError, "web_fetch result error: url_not_accessible  (srvtoolu_04)")]
    [InlineData(CodeExecResult, "code_execution exit 0: 42 +1 file")]
    [InlineData(CodeExecEncrypted, "code_execution exit 0: (stdout encrypted)")]
    [InlineData(CodeExecError, "code_execution error: execution_time_exceeded  (srvtoolu_05)")]
    [InlineData(BashResult, "bash $ exit 1: total 0 …")]
    [InlineData(BashError, "bash $ error: output_file_too_large  (srvtoolu_02)")]
    [InlineData(EditorView, "text_editor view: text lines 1–1 of 1")]
    [InlineData(EditorCreate, "text_editor create: file created")]
    [InlineData(EditorReplace, "text_editor str_replace: @@ -3,1 +3,2 @@ (3 lines)")]
    [InlineData(EditorError, "text_editor error: file_not_found — /tmp/b.py does not exist  (srvtoolu_03)")]
    [InlineData(ToolSearchResult, "tool_search: 2 tools found: get_weather, get_time")]
    [InlineData(ToolSearchError, "tool_search error: unavailable  (srvtoolu_06)")]
    [InlineData(ContainerUpload, "container_upload: file_0ABC")]
    [InlineData(McpToolUse, "mcp_tool_use → github.search_issues  mcptoolu_01")]
    [InlineData(McpToolResult, "mcp_tool_result ok: 3 issues found")]
    [InlineData(McpToolResultError, "mcp_tool_result ERROR: permission denied")]
    [InlineData(Compaction, "compaction summary (51 chars)")]
    [InlineData(CompactionFailed, "compaction: failed (no summary)")]
    [InlineData(UnknownBlock, "hologram: unknown block type, shown as JSON")]
    public void Each_block_type_has_its_collapsed_line(string block, string label) => Assert.Equal(label, Block(block).Label);

    [Fact]
    public void Expanded_views_carry_the_details()
    {
        Assert.Equal(["1. Paris - Wikipedia — https://example.org/paris · 2 days ago", "2. France — https://example.org/france"], Labels(Block(WebSearchResult)));
        Assert.Contains("document text: Hello from the fetched page.", Labels(Block(WebFetchResult)));
        Assert.Equal("exit 1\ntotal 0\ndrwx a\n--- stderr ---\nwarn: x", Block(BashResult).Detail);
        Assert.Contains("output file: file_011", Labels(Block(CodeExecResult)));
        Assert.Equal("@@ -3,1 +3,2 @@\n-x = 1\n+x = 2\n+y = 3", Block(EditorReplace).Detail);
        Assert.Equal("print('hi')\n", Block(EditorView).Detail);
        Assert.Equal(["tool: get_weather", "tool: get_time"], Labels(Block(ToolSearchResult)));
        Assert.Contains("text: 3 issues found", Labels(Block(McpToolResult)));
        Assert.True(Block(Compaction).CollapsedByDefault);
        ResultNode unknown = Block(UnknownBlock);
        Assert.Equal(["type: \"hologram\"", "frames: 3", "data: {1 field}"], Labels(unknown));
        Assert.Equal(["x: 1"], Labels(unknown.Children[2]));
        Assert.Contains("\"frames\": 3", unknown.RawJson);
    }

    [Fact]
    public void A_many_block_message_renders_all_blocks_in_order()
    {
        ResultDetail d = Detail(Succeeded("many", AllBlocks()));
        Assert.Equal(ResultKind.Succeeded, d.Kind);
        Assert.Equal(31, d.Nodes.Count); // header + 30 blocks
        Assert.All(d.Nodes, n => Assert.False(string.IsNullOrWhiteSpace(n.Label)));
        Assert.Contains("\"custom_id\": \"many\"", d.PrettyJson);
    }

    [Fact]
    public void A_block_a_renderer_cannot_read_falls_back_to_json()
    {
        // A text block whose citations is an object, not an array: odd, but shown rather than failing.
        ResultNode n = Block("""{"type":"tool_use","id":5,"name":{"n":1},"input":"not an object"}""");
        Assert.StartsWith("tool_use → ?()", n.Label);
        ResultNode weird = Block("""{"type":"web_search_tool_result","content":"nope"}""");
        Assert.Equal("web_search result: 0 results  (?)", weird.Label);
        ResultNode notObject = Block("42");
        Assert.Equal("number: unknown block type, shown as JSON", notObject.Label);
    }

    [Fact]
    public void Errored_canceled_expired_say_what_happened()
    {
        ResultNode e = Detail(Errored("e", "overloaded_error", "Overloaded", "req_42")).Nodes.Single();
        Assert.Equal("errored: overloaded_error — Overloaded", e.Label);
        Assert.Equal(["error type: overloaded_error", "message: Overloaded", "request_id: req_42"], Labels(e));
        Assert.Contains("resubmitting later should work", e.Detail);
        ResultNode bare = Detail("""{"custom_id":"e2","result":{"type":"errored","error":{"type":"invalid_request_error","message":"max_tokens: too big"}}}""").Nodes.Single();
        Assert.Equal("errored: invalid_request_error — max_tokens: too big", bare.Label);
        Assert.Equal("canceled: the batch was canceled before this request was processed", Detail(Canceled("c")).Nodes.Single().Label);
        Assert.Contains("no charge", Detail(Canceled("c")).Nodes.Single().Detail);
        Assert.Equal("expired: the batch reached its 24-hour limit before this request was processed", Detail(Expired("x")).Nodes.Single().Label);
        Assert.Equal("result type \"teleported\" is not known to this version; shown as JSON",
            Detail("""{"custom_id":"t","result":{"type":"teleported","where":"mars"}}""").Nodes.Single().Label);
    }

    [Fact]
    public void Unparseable_line_detail_shows_the_problem_and_the_bytes()
    {
        ResultDetail d = ResultDetail.Parse(Encoding.UTF8.GetBytes("""{"custom_id":"x","res"""), knownProblem: "line 9: unparseable — unexpected end of data");
        Assert.Equal(ResultKind.Unparseable, d.Kind);
        Assert.Equal("line 9: unparseable — unexpected end of data", d.Nodes[0].Label);
        Assert.Contains("{\"custom_id\":\"x\",\"res", d.Nodes[0].Detail);
        Assert.Equal("{\"custom_id\":\"x\",\"res", d.PrettyJson);
    }
}
