using BatchTui.Core.Results.Model;
using System.Text.Json;

namespace BatchTui.Core.Results.Blocks;

/// <summary>Turns one content block of a given <c>type</c> into a tree node. One small class per type.</summary>
public interface IBlockRenderer
{
    /// <summary>The block <c>type</c> it renders, e.g. <c>text</c>.</summary>
    string Type { get; }
    ResultNode Render(JsonElement block, BlockRenderers registry);
}
