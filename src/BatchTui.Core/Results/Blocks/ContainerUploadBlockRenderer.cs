using BatchTui.Core.Results.Model;
using System.Text.Json;

namespace BatchTui.Core.Results.Blocks;

/// <summary><c>container_upload</c>: a file the model uploaded into its code-execution container.</summary>
public sealed class ContainerUploadBlockRenderer : IBlockRenderer
{
    public string Type => "container_upload";

    public ResultNode Render(JsonElement block, BlockRenderers registry)
    {
        string file = block.Str("file_id") ?? "?";
        return new ResultNode(Type, $"container_upload: {file}", $"File {file} was uploaded to the container.", [Nodes.Field("file_id", file)], raw: block, copyText: file);
    }
}
