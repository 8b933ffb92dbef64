using System.Text;
using System.Text.Json;

namespace BatchTui.Tests.Results;

/// <summary>Result lines written by the tests themselves.</summary>
internal static class ResultsFixtures
{
    public static string Succeeded(string id, string content, string stop = "end_turn", int input = 10, int output = 20) =>
        "{\"custom_id\":\"" + id + "\",\"result\":{\"type\":\"succeeded\",\"message\":{\"id\":\"msg_" + id +
        "\",\"type\":\"message\",\"role\":\"assistant\",\"model\":\"claude-sonnet-4-5\",\"content\":[" + content + "],\"stop_reason\":\"" + stop +
        "\",\"stop_sequence\":null,\"usage\":{\"input_tokens\":" + input + ",\"cache_creation_input_tokens\":0,\"cache_read_input_tokens\":0,\"output_tokens\":" + output + "}}}}";

    public static string Text(string text) => "{\"type\":\"text\",\"text\":" + JsonSerializer.Serialize(text) + ",\"citations\":null}";

    public static string Errored(string id, string type, string message) =>
        "{\"custom_id\":\"" + id + "\",\"result\":{\"type\":\"errored\",\"error\":{\"type\":\"error\",\"error\":{\"type\":\"" + type + "\",\"message\":\"" + message + "\"},\"request_id\":\"req_9\"}}}";

    public static string Canceled(string id) => "{\"custom_id\":\"" + id + "\",\"result\":{\"type\":\"canceled\"}}";

    public const string ManyBlocks =
        "{\"type\":\"thinking\",\"thinking\":\"Compare both options.\\nPick the cheaper one.\",\"signature\":\"EqQBCkYIBRgCIkBsig\"}," +
        "{\"type\":\"text\",\"text\":\"Option B is cheaper.\",\"citations\":[{\"type\":\"char_location\",\"cited_text\":\"B costs $3\",\"document_index\":0,\"document_title\":\"Prices\",\"start_char_index\":10,\"end_char_index\":20}]}," +
        "{\"type\":\"server_tool_use\",\"id\":\"srvtoolu_1\",\"name\":\"web_search\",\"input\":{\"query\":\"option B price\"}}," +
        "{\"type\":\"web_search_tool_result\",\"tool_use_id\":\"srvtoolu_1\",\"content\":[{\"type\":\"web_search_result\",\"url\":\"https://example.org/b\",\"title\":\"Option B\",\"page_age\":\"1 day\",\"encrypted_content\":\"Eq\"}]}," +
        "{\"type\":\"server_tool_use\",\"id\":\"srvtoolu_2\",\"name\":\"bash_code_execution\",\"input\":{\"command\":\"python3 calc.py\"}}," +
        "{\"type\":\"bash_code_execution_tool_result\",\"tool_use_id\":\"srvtoolu_2\",\"content\":{\"type\":\"bash_code_execution_result\",\"stdout\":\"3.00\\n\",\"stderr\":\"\",\"return_code\":0,\"content\":[]}}," +
        "{\"type\":\"tool_use\",\"id\":\"toolu_1\",\"name\":\"place_order\",\"input\":{\"option\":\"B\",\"qty\":2},\"caller\":{\"type\":\"direct\"}}," +
        "{\"type\":\"redacted_thinking\",\"data\":\"EmwKAhgBEgy3va3pzix\"}," +
        "{\"type\":\"mcp_tool_use\",\"id\":\"mcptoolu_1\",\"name\":\"create_ticket\",\"server_name\":\"jira\",\"input\":{\"title\":\"Buy B\"}}," +
        "{\"type\":\"mcp_tool_result\",\"tool_use_id\":\"mcptoolu_1\",\"is_error\":false,\"content\":\"TICKET-42 created\"}," +
        "{\"type\":\"container_upload\",\"file_id\":\"file_01\"}," +
        "{\"type\":\"compaction\",\"content\":\"Summary of the earlier turns.\"}," +
        "{\"type\":\"sparkle\",\"level\":9}";

    public static string Write(string dir, params string[] lines) => WriteNamed(dir, $"results-{Guid.NewGuid():N}.jsonl", lines);

    public static string WriteNamed(string dir, string name, params string[] lines)
    {
        string path = Path.Combine(dir, name);
        File.WriteAllBytes(path, Encoding.UTF8.GetBytes(string.Concat(lines.Select(l => l + "\n"))));
        return path;
    }
}

internal sealed class TempFolder : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("batchtui-ui-").FullName;
    public void Dispose()
    {
        try { Directory.Delete(Path, recursive: true); } catch (IOException) { }
    }
}
