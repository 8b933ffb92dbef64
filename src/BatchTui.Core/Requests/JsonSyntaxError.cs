namespace BatchTui.Core.Requests;

/// <summary>A JSON syntax error at a 1-based line and column (columns count characters, not bytes).</summary>
public sealed record JsonSyntaxError(int Line, int Column, string Message)
{
    /// <summary>Compiler style, e.g. <c>3:17: expected ',' or '}'</c>.</summary>
    public string Text => $"{Line}:{Column}: {Message}";

    public override string ToString() => Text;
}
