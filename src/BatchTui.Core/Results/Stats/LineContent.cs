using BatchTui.Core.Results.Model;
using System.Text.Json;

namespace BatchTui.Core.Results.Stats;

/// <summary>
/// What one succeeded result's content holds beyond the index: its block types, the tools it called (client tools,
/// server tools, MCP tools), its citations' source domains and the length of its text. Read defensively: a field
/// of the wrong type is skipped, never trusted.
/// </summary>
internal sealed class LineContent
{
    public HashSet<string> Blocks { get; } = new(StringComparer.Ordinal);
    public HashSet<string> Tools { get; } = new(StringComparer.Ordinal);
    public HashSet<string> Domains { get; } = new(StringComparer.Ordinal);
    public long TextLength { get; private set; }

    /// <summary>Reads <paramref name="line"/>; false when it is not a succeeded result's JSON.</summary>
    public bool Read(ReadOnlyMemory<byte> line)
    {
        Blocks.Clear(); Tools.Clear(); Domains.Clear(); TextLength = 0;
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(line, new JsonDocumentOptions { MaxDepth = 256 });
        }
        catch (JsonException)
        {
            return false;
        }
        using (doc)
        {
            JsonElement root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object || root.Prop("result") is not { ValueKind: JsonValueKind.Object } result) return false;
            if (result.Prop("message") is not { ValueKind: JsonValueKind.Object } message) return false;
            foreach (JsonElement block in message.Items("content"))
            {
                if (block.ValueKind != JsonValueKind.Object) continue;
                string type = block.Str("type") ?? "(no type)";
                Blocks.Add(type);
                switch (type)
                {
                    case "text":
                        if (block.Prop("text") is { ValueKind: JsonValueKind.String } text) TextLength += text.GetString()!.Length;
                        foreach (JsonElement c in block.Items("citations")) if (c.ValueKind == JsonValueKind.Object) Domains.Add(Domain(c));
                        break;
                    case "tool_use":
                        Tools.Add(block.Str("name") ?? "(no name)");
                        break;
                    case "server_tool_use":
                        Tools.Add($"{block.Str("name") ?? "(no name)"} (server)");
                        break;
                    case "mcp_tool_use":
                        Tools.Add($"{block.Str("name") ?? "(no name)"} (mcp {block.Str("server_name") ?? "?"})");
                        break;
                }
            }
        }
        return true;
    }

    // A web citation's url, a search result's source when it is a URI; documents have no domain.
    private static string Domain(JsonElement citation)
    {
        string? where = citation.Str("url") ?? citation.Str("source");
        if (where is not null && Uri.TryCreate(where, UriKind.Absolute, out Uri? uri) && uri.Host.Length > 0) return uri.Host.ToLowerInvariant();
        return where is null ? "(document)" : "(no domain)";
    }
}
