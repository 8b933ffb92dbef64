namespace BatchTui.Cli;

/// <summary>
/// Quotes a value for a POSIX shell command line printed for the user to paste (<c>batchtui list --after ID</c>): a
/// server-sent id holding <c>$(…)</c>, backticks or <c>;</c> must stay one literal argument, never run.
/// </summary>
internal static class ShellQuote
{
    /// <summary>As is when every character is plainly safe; else in single quotes, each <c>'</c> written <c>'\''</c>.</summary>
    public static string Arg(string value) =>
        value.Length > 0 && value.All(IsSafe) ? value : "'" + value.Replace("'", "'\\''", StringComparison.Ordinal) + "'";

    private static bool IsSafe(char c) => char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '.' or ':' or '/' or '@' or '%' or '+' or ',' or '=';
}
