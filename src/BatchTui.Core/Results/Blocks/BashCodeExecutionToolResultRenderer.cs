using BatchTui.Core.Results.Model;
using System.Text.Json;

namespace BatchTui.Core.Results.Blocks;

/// <summary><c>bash_code_execution_tool_result</c>: <c>$ exit rc</c> and the first line; its error variant.</summary>
public sealed class BashCodeExecutionToolResultRenderer : IBlockRenderer
{
    public string Type => "bash_code_execution_tool_result";
    public ResultNode Render(JsonElement block, BlockRenderers registry) => ExecutionOutput.Render(Type, "bash $", block);
}
