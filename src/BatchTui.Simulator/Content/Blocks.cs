using BatchTui.Simulator.Engine;
using System.Text.Json;

namespace BatchTui.Simulator.Content;

/// <summary>Writers for the response content blocks of api-domain.md §3, field for field.</summary>
internal static class Blocks
{
    public static void Text(Utf8JsonWriter w, string text, Action<Utf8JsonWriter>? citations = null)
    {
        w.WriteStartObject();
        w.WriteString("type", "text");
        w.WriteString("text", text);
        if (citations is null) w.WriteNull("citations");
        else
        {
            w.WriteStartArray("citations");
            citations(w);
            w.WriteEndArray();
        }
        w.WriteEndObject();
    }

    public static void Thinking(Utf8JsonWriter w, string thinking, ref Rng rng)
    {
        w.WriteStartObject();
        w.WriteString("type", "thinking");
        w.WriteString("thinking", thinking);
        w.WriteString("signature", Opaque(ref rng, 160));
        w.WriteEndObject();
    }

    public static void RedactedThinking(Utf8JsonWriter w, ref Rng rng)
    {
        w.WriteStartObject();
        w.WriteString("type", "redacted_thinking");
        w.WriteString("data", Opaque(ref rng, 344));
        w.WriteEndObject();
    }

    public static void Caller(Utf8JsonWriter w, string? codeExecutionType, string? toolId)
    {
        w.WriteStartObject("caller");
        if (codeExecutionType is null) w.WriteString("type", "direct");
        else
        {
            w.WriteString("type", codeExecutionType);
            w.WriteString("tool_id", toolId);
        }
        w.WriteEndObject();
    }

    public static void ToolUse(Utf8JsonWriter w, string id, string name, Action<Utf8JsonWriter> input,
        string? callerType = null, string? callerToolId = null)
    {
        w.WriteStartObject();
        w.WriteString("type", "tool_use");
        w.WriteString("id", id);
        w.WriteString("name", name);
        w.WriteStartObject("input");
        input(w);
        w.WriteEndObject();
        Caller(w, callerType, callerToolId);
        w.WriteEndObject();
    }

    public static void ServerToolUse(Utf8JsonWriter w, string id, string name, Action<Utf8JsonWriter> input)
    {
        w.WriteStartObject();
        w.WriteString("type", "server_tool_use");
        w.WriteString("id", id);
        w.WriteString("name", name);
        w.WriteStartObject("input");
        input(w);
        w.WriteEndObject();
        Caller(w, null, null);
        w.WriteEndObject();
    }

    /// <summary>A server-tool result block: <c>{"type", "tool_use_id", "content": ...}</c>.</summary>
    public static void ToolResult(Utf8JsonWriter w, string type, string toolUseId, Action<Utf8JsonWriter> content,
        bool caller = false)
    {
        w.WriteStartObject();
        w.WriteString("type", type);
        w.WriteString("tool_use_id", toolUseId);
        w.WritePropertyName("content");
        content(w);
        if (caller) Caller(w, null, null);
        w.WriteEndObject();
    }

    public static void Error(Utf8JsonWriter w, string type, string code, string? message = null, bool withMessage = false)
    {
        w.WriteStartObject();
        w.WriteString("type", type);
        w.WriteString("error_code", code);
        if (withMessage)
        {
            if (message is null) w.WriteNull("error_message");
            else w.WriteString("error_message", message);
        }
        w.WriteEndObject();
    }

    public static void ContainerUpload(Utf8JsonWriter w, string fileId)
    {
        w.WriteStartObject();
        w.WriteString("type", "container_upload");
        w.WriteString("file_id", fileId);
        w.WriteEndObject();
    }

    public static void McpToolUse(Utf8JsonWriter w, string id, string server, string name, Action<Utf8JsonWriter> input)
    {
        w.WriteStartObject();
        w.WriteString("type", "mcp_tool_use");
        w.WriteString("id", id);
        w.WriteString("name", name);
        w.WriteString("server_name", server);
        w.WriteStartObject("input");
        input(w);
        w.WriteEndObject();
        w.WriteEndObject();
    }

    public static void McpToolResult(Utf8JsonWriter w, string toolUseId, bool isError, string text, bool asBlocks)
    {
        w.WriteStartObject();
        w.WriteString("type", "mcp_tool_result");
        w.WriteString("tool_use_id", toolUseId);
        w.WriteBoolean("is_error", isError);
        if (asBlocks)
        {
            w.WriteStartArray("content");
            Text(w, text);
            w.WriteEndArray();
        }
        else w.WriteString("content", text);
        w.WriteEndObject();
    }

    public static void Compaction(Utf8JsonWriter w, string? summary)
    {
        w.WriteStartObject();
        w.WriteString("type", "compaction");
        if (summary is null) w.WriteNull("content");
        else w.WriteString("content", summary);
        w.WriteEndObject();
    }

    private const string Base64Chars = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

    /// <summary>Base64-looking opaque data (signatures, encrypted content): never meant to be decoded.</summary>
    public static string Opaque(ref Rng rng, int length)
    {
        Span<char> chars = length <= 1024 ? stackalloc char[length] : new char[length];
        for (int i = 0; i < length; i++) chars[i] = Base64Chars[rng.Int(64)];
        if (length > 2) chars[^1] = '=';
        return new string(chars);
    }
}
