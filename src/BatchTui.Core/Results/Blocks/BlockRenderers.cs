using BatchTui.Core.Results.Model;
using System.Text.Json;

namespace BatchTui.Core.Results.Blocks;

/// <summary>
/// The registry of block renderers keyed by block <c>type</c>. A type with no renderer goes to
/// <see cref="GenericBlockRenderer"/>, and a renderer that meets a block it cannot read falls back to it too:
/// an unknown or odd block is shown as JSON, never an error.
/// </summary>
public sealed class BlockRenderers
{
    private readonly Dictionary<string, IBlockRenderer> _byType = new(StringComparer.Ordinal);
    private readonly GenericBlockRenderer _generic = new();

    public BlockRenderers(IEnumerable<IBlockRenderer> renderers)
    {
        foreach (IBlockRenderer r in renderers) _byType[r.Type] = r;
    }

    /// <summary>Every renderer this version knows (api-domain.md §3).</summary>
    public static BlockRenderers Default { get; } = new(
    [
        new TextBlockRenderer(),
        new ThinkingBlockRenderer(),
        new RedactedThinkingBlockRenderer(),
        new ToolUseBlockRenderer(),
        new ServerToolUseBlockRenderer(),
        new WebSearchToolResultRenderer(),
        new WebFetchToolResultRenderer(),
        new CodeExecutionToolResultRenderer(),
        new BashCodeExecutionToolResultRenderer(),
        new TextEditorCodeExecutionToolResultRenderer(),
        new ToolSearchToolResultRenderer(),
        new ContainerUploadBlockRenderer(),
        new McpToolUseBlockRenderer(),
        new McpToolResultBlockRenderer(),
        new CompactionBlockRenderer(),
    ]);

    public IReadOnlyCollection<string> KnownTypes => _byType.Keys;

    public ResultNode Render(JsonElement block)
    {
        string? type = block.ValueKind == JsonValueKind.Object ? block.Str("type") : null;
        if (type is not null && _byType.TryGetValue(type, out IBlockRenderer? r))
        {
            try { return r.Render(block, this); }
            catch (Exception e) when (e is InvalidOperationException or FormatException or KeyNotFoundException or ArgumentException)
            {
                return _generic.Render(block, this, $"(could not read as {type}: {e.Message})");
            }
        }
        return _generic.Render(block, this);
    }
}
