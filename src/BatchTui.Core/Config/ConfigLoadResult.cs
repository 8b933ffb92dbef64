namespace BatchTui.Core.Config;

/// <summary>The options, and the arguments that were not configuration flags (a command's own flags and operands).</summary>
public sealed record ConfigLoadResult(BatchTuiOptions Options, IReadOnlyList<string> Rest);
