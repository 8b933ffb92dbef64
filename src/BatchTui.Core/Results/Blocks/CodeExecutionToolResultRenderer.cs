using BatchTui.Core.Results.Model;
using System.Text.Json;

namespace BatchTui.Core.Results.Blocks;

/// <summary><c>code_execution_tool_result</c>, including its encrypted and error variants.</summary>
public sealed class CodeExecutionToolResultRenderer : IBlockRenderer
{
    public string Type => "code_execution_tool_result";
    public ResultNode Render(JsonElement block, BlockRenderers registry) => ExecutionOutput.Render(Type, "code_execution", block);
}
