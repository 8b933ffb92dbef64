using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace BatchTui.Core.Tests.Results;

/// <summary>Result lines for the tests, built here (no files checked in): one per result kind and block type.</summary>
internal static class ResultLines
{
    public static string Succeeded(string id, string content, string stop = "end_turn", int input = 10, int output = 20,
        int cacheRead = 0, int cacheWrite = 0, string model = "claude-sonnet-4-5", string extra = "") =>
        """{"custom_id":"@0@","result":{"type":"succeeded","message":{"id":"msg_@1@","type":"message","role":"assistant","model":"@2@","content":[@3@],"stop_reason":"@4@","stop_sequence":null@5@,"usage":{"input_tokens":@6@,"cache_creation_input_tokens":@7@,"cache_read_input_tokens":@8@,"output_tokens":@9@,"server_tool_use":{"web_search_requests":1,"web_fetch_requests":0},"service_tier":"batch"}}}}""".Replace("@0@", (id).ToString()).Replace("@1@", (id).ToString()).Replace("@2@", (model).ToString()).Replace("@3@", (content).ToString()).Replace("@4@", (stop).ToString()).Replace("@5@", (extra).ToString()).Replace("@6@", (input).ToString()).Replace("@7@", (cacheWrite).ToString()).Replace("@8@", (cacheRead).ToString()).Replace("@9@", (output).ToString());

    public static string Text(string text, string citations = "null") =>
        """{"type":"text","text":@0@,"citations":@1@}""".Replace("@0@", JsonSerializer.Serialize(text)).Replace("@1@", citations);

    public static string Errored(string id, string type, string message = "Overloaded", string requestId = "req_011") =>
        """{"custom_id":"@0@","result":{"type":"errored","error":{"type":"error","error":{"type":"@1@","message":"@2@"},"request_id":"@3@"}}}""".Replace("@0@", (id).ToString()).Replace("@1@", (type).ToString()).Replace("@2@", (message).ToString()).Replace("@3@", (requestId).ToString());

    public static string Canceled(string id) => """{"custom_id":"@0@","result":{"type":"canceled"}}""".Replace("@0@", (id).ToString());
    public static string Expired(string id) => """{"custom_id":"@0@","result":{"type":"expired"}}""".Replace("@0@", (id).ToString());

    // Every block type of api-domain.md §3, as the API writes them.
    public const string CharCitation = """{"type":"char_location","cited_text":"The sky is blue.","document_index":0,"document_title":"Colours","start_char_index":4,"end_char_index":20,"file_id":null}""";
    public const string PageCitation = """{"type":"page_location","cited_text":"Revenue grew 12%.","document_index":1,"document_title":"Annual report","start_page_number":3,"end_page_number":4}""";
    public const string BlockCitation = """{"type":"content_block_location","cited_text":"Step two.","document_index":2,"document_title":null,"start_block_index":1,"end_block_index":2}""";
    public const string WebCitation = """{"type":"web_search_result_location","cited_text":"Paris is the capital.","url":"https://example.org/paris","title":"Paris","encrypted_index":"Eo8BCioIAhgBIiQ"}""";
    public const string SearchResultCitation = """{"type":"search_result_location","cited_text":"Use a retry budget.","search_result_index":0,"source":"kb://runbooks/retries","title":"Retries","start_block_index":0,"end_block_index":1}""";

    public const string Thinking = """{"type":"thinking","thinking":"First, list the constraints.\nThen check each one.","signature":"EqQBCkYIBRgCIkBsignaturebytes"}""";
    public const string RedactedThinking = """{"type":"redacted_thinking","data":"EmwKAhgBEgy3va3pzix/LafPsn4aDFIT2Xlx"}""";
    public const string ToolUse = """{"type":"tool_use","id":"toolu_01A","name":"get_weather","input":{"city":"Paris","unit":"celsius"},"caller":{"type":"direct"}}""";
    public const string ToolUseFromCode = """{"type":"tool_use","id":"toolu_01B","name":"lookup","input":{"q":"x"},"caller":{"type":"code_execution_20250825","tool_id":"srvtoolu_09"}}""";
    public const string ServerToolUseSearch = """{"type":"server_tool_use","id":"srvtoolu_01","name":"web_search","input":{"query":"capital of France"}}""";
    public const string ServerToolUseBash = """{"type":"server_tool_use","id":"srvtoolu_02","name":"bash_code_execution","input":{"command":"ls -la /tmp"}}""";
    public const string ServerToolUseEditor = """{"type":"server_tool_use","id":"srvtoolu_03","name":"text_editor_code_execution","input":{"command":"view","path":"/tmp/a.py"}}""";
    public const string WebSearchResult = """{"type":"web_search_tool_result","tool_use_id":"srvtoolu_01","content":[{"type":"web_search_result","url":"https://example.org/paris","title":"Paris - Wikipedia","page_age":"2 days ago","encrypted_content":"EqgfCioIARgBIiQ3"},{"type":"web_search_result","url":"https://example.org/france","title":"France","encrypted_content":"Eq"}]}""";
    public const string WebSearchError = """{"type":"web_search_tool_result","tool_use_id":"srvtoolu_01","content":{"type":"web_search_tool_result_error","error_code":"max_uses_exceeded"}}""";
    public const string WebFetchResult = """{"type":"web_fetch_tool_result","tool_use_id":"srvtoolu_04","content":{"type":"web_fetch_result","url":"https://example.org/doc","retrieved_at":"2026-01-02T03:04:05Z","content":{"type":"document","source":{"type":"text","media_type":"text/plain","data":"Hello from the fetched page."},"title":"Doc"}}}""";
    public const string WebFetchError = """{"type":"web_fetch_tool_result","tool_use_id":"srvtoolu_04","content":{"type":"web_fetch_tool_result_error","error_code":"url_not_accessible"}}""";
    public const string CodeExecResult = """{"type":"code_execution_tool_result","tool_use_id":"srvtoolu_05","content":{"type":"code_execution_result","stdout":"42\n","stderr":"","return_code":0,"content":[{"type":"code_execution_output","file_id":"file_011"}]}}""";
    public const string CodeExecEncrypted = """{"type":"code_execution_tool_result","tool_use_id":"srvtoolu_05","content":{"type":"encrypted_code_execution_result","encrypted_stdout":"ZW5jcnlwdGVk","stderr":"","return_code":0,"content":[]}}""";
    public const string CodeExecError = """{"type":"code_execution_tool_result","tool_use_id":"srvtoolu_05","content":{"type":"code_execution_tool_result_error","error_code":"execution_time_exceeded"}}""";
    public const string BashResult = """{"type":"bash_code_execution_tool_result","tool_use_id":"srvtoolu_02","content":{"type":"bash_code_execution_result","stdout":"total 0\ndrwx a","stderr":"warn: x","return_code":1,"content":[]}}""";
    public const string BashError = """{"type":"bash_code_execution_tool_result","tool_use_id":"srvtoolu_02","content":{"type":"bash_code_execution_tool_result_error","error_code":"output_file_too_large"}}""";
    public const string EditorView = """{"type":"text_editor_code_execution_tool_result","tool_use_id":"srvtoolu_03","content":{"type":"text_editor_code_execution_view_result","content":"print('hi')\n","file_type":"text","num_lines":1,"start_line":1,"total_lines":1}}""";
    public const string EditorCreate = """{"type":"text_editor_code_execution_tool_result","tool_use_id":"srvtoolu_03","content":{"type":"text_editor_code_execution_create_result","is_file_update":false}}""";
    public const string EditorReplace = """{"type":"text_editor_code_execution_tool_result","tool_use_id":"srvtoolu_03","content":{"type":"text_editor_code_execution_str_replace_result","old_start":3,"old_lines":1,"new_start":3,"new_lines":2,"lines":["-x = 1","+x = 2","+y = 3"]}}""";
    public const string EditorError = """{"type":"text_editor_code_execution_tool_result","tool_use_id":"srvtoolu_03","content":{"type":"text_editor_code_execution_tool_result_error","error_code":"file_not_found","error_message":"/tmp/b.py does not exist"}}""";
    public const string ToolSearchResult = """{"type":"tool_search_tool_result","tool_use_id":"srvtoolu_06","content":{"type":"tool_search_tool_search_result","tool_references":[{"type":"tool_reference","tool_name":"get_weather"},{"type":"tool_reference","tool_name":"get_time"}]}}""";
    public const string ToolSearchError = """{"type":"tool_search_tool_result","tool_use_id":"srvtoolu_06","content":{"type":"tool_search_tool_result_error","error_code":"unavailable","error_message":null}}""";
    public const string ContainerUpload = """{"type":"container_upload","file_id":"file_0ABC"}""";
    public const string McpToolUse = """{"type":"mcp_tool_use","id":"mcptoolu_01","name":"search_issues","server_name":"github","input":{"repo":"a/b","q":"crash"}}""";
    public const string McpToolResult = """{"type":"mcp_tool_result","tool_use_id":"mcptoolu_01","is_error":false,"content":[{"type":"text","text":"3 issues found","citations":null}]}""";
    public const string McpToolResultError = """{"type":"mcp_tool_result","tool_use_id":"mcptoolu_01","is_error":true,"content":"permission denied"}""";
    public const string Compaction = """{"type":"compaction","content":"Earlier we agreed on the schema and fixed two bugs."}""";
    public const string CompactionFailed = """{"type":"compaction","content":null}""";
    public const string UnknownBlock = """{"type":"hologram","frames":3,"data":{"x":1}}""";

    public static string AllBlocks() => string.Join(",",
        Text("Here is the answer.\nSecond line.", $"[{CharCitation},{PageCitation},{BlockCitation},{WebCitation},{SearchResultCitation}]"),
        Thinking, RedactedThinking, ToolUse, ToolUseFromCode, ServerToolUseSearch, WebSearchResult, WebSearchError, WebFetchResult, WebFetchError,
        CodeExecResult, CodeExecEncrypted, CodeExecError, ServerToolUseBash, BashResult, BashError, ServerToolUseEditor, EditorView, EditorCreate,
        EditorReplace, EditorError, ToolSearchResult, ToolSearchError, ContainerUpload, McpToolUse, McpToolResult, McpToolResultError, Compaction,
        CompactionFailed, UnknownBlock);

    /// <summary>Writes lines (each followed by \n) to a fresh temp file and returns its path.</summary>
    public static string WriteFile(TempDir dir, params string[] lines) => WriteBytes(dir, Encoding.UTF8.GetBytes(string.Concat(lines.Select(l => l + "\n"))));

    public static string WriteBytes(TempDir dir, byte[] bytes)
    {
        string path = Path.Combine(dir.Path, $"r{Guid.NewGuid():N}.jsonl");
        File.WriteAllBytes(path, bytes);
        return path;
    }

    /// <summary>Checks a fixture is valid JSON, so a typo in a test fixture cannot pass as "unparseable".</summary>
    public static string Valid(string line)
    {
        JsonNode.Parse(line);
        return line;
    }
}

/// <summary>A temp directory removed when the test ends.</summary>
internal sealed class TempDir : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("batchtui-results-").FullName;
    public void Dispose()
    {
        try { Directory.Delete(Path, recursive: true); } catch (IOException) { }
    }
}
