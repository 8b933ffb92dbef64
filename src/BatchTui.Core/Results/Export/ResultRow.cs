using BatchTui.Core.Results.Index;
using BatchTui.Core.Results.Model;
using BatchTui.Core.Results.Query;
using System.Text;
using System.Text.Json;

namespace BatchTui.Core.Results.Export;

/// <summary>
/// One result as a Parquet row. The scalar facts are the index's (<see cref="ResultLineFacts"/>, the scanner the
/// browser and filters use); the texts come from one parse of the line with <see cref="FirstText"/>. A value the
/// result does not have is null (stop_reason of an errored result), never a made-up "" or 0, except the token counts,
/// which are 0 as in the index, so sums agree with the browser's.
/// </summary>
public sealed record ResultRow(
    string? BatchId,
    string? CustomId,
    string ResultType,
    string? StopReason,
    string? ErrorType,
    string? ErrorMessage,
    string? Model,
    long InputTokens,
    long OutputTokens,
    long CacheReadTokens,
    long CacheWriteTokens,
    string? FirstText,
    bool HasThinking,
    IReadOnlyList<string> ToolNames,
    string? RawLine)
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false);

    /// <summary>Block types that name a tool the model called: client tools, server tools and MCP tools.</summary>
    private static bool IsToolCall(string? type) => type is "tool_use" or "server_tool_use" or "mcp_tool_use";

    public static ResultRow Of(string? batchId, in ResultLineFacts f, ReadOnlyMemory<byte> line)
    {
        string? firstText = null, errorMessage = null;
        bool thinking = false;
        List<string>? tools = null;
        if (f.Kind is ResultKind.Succeeded or ResultKind.Errored)
        {
            try
            {
                using JsonDocument doc = JsonDocument.Parse(line, new JsonDocumentOptions { MaxDepth = 1024 });
                JsonElement result = doc.RootElement.Prop("result") ?? default;
                if (f.Kind == ResultKind.Errored) errorMessage = Export.FirstText.ErrorMessage(result);
                else
                {
                    string text = Export.FirstText.OfMessage(result);
                    firstText = text.Length > 0 ? text : null;
                    foreach (JsonElement block in (result.Prop("message") ?? default).Items("content"))
                    {
                        string? type = block.Str("type");
                        if (type is "thinking" or "redacted_thinking") thinking = true;
                        else if (IsToolCall(type) && block.Str("name") is { } name) (tools ??= []).Add(name);
                    }
                }
            }
            catch (JsonException)
            {
                // The scanner read the facts; a line it accepts but the parser refuses keeps them and loses only texts.
            }
        }
        else if (f.Kind == ResultKind.Unparseable) errorMessage = f.Problem;

        return new ResultRow(batchId, NullIfEmpty(f.CustomId), f.Kind.ToWire(), NullIfEmpty(f.StopReason), NullIfEmpty(f.ErrorType),
            errorMessage, NullIfEmpty(f.Model), f.InputTokens, f.OutputTokens, f.CacheReadTokens, f.CacheCreationTokens,
            firstText, thinking, (IReadOnlyList<string>?)tools ?? [], line.IsEmpty ? null : Utf8.GetString(line.Span));
    }

    /// <summary>The row of an indexed result: the same facts the streaming path reads, taken from the index entry.</summary>
    public static ResultRow Of(string? batchId, ResultsIndex index, int row)
    {
        ResultEntry e = index[row];
        var facts = new ResultLineFacts(e.CustomId, e.Kind, index.Reason(e), e.InputTokens, e.OutputTokens, e.CacheReadTokens,
            e.CacheCreationTokens, index.Problem(row), index.Model(e));
        return Of(batchId, facts, index.ReadLine(e));
    }

    /// <summary>A line the reader cut at its limit: what is known is that it was there.</summary>
    public static ResultRow TooLong(string? batchId, long lineNumber, int maxBytes) =>
        new(batchId, null, ResultKind.Unparseable.ToWire(), null, null, $"line {lineNumber}: longer than {maxBytes:N0} bytes",
            null, 0, 0, 0, 0, null, false, [], null);

    private static string? NullIfEmpty(string s) => s.Length > 0 ? s : null;
}
