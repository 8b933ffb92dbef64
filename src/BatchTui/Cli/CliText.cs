using BatchTui.Core.Text;

namespace BatchTui.Cli;

/// <summary>
/// The CLI's door for untrusted text (ids, statuses, API messages, result text) into a human format on stdout or
/// stderr: the shared sanitiser (<see cref="UntrustedText"/>), so nothing reaches the terminal that it would obey.
/// </summary>
internal static class CliText
{
    public static string Safe(string? text) => string.IsNullOrEmpty(text) ? "" : UntrustedText.ForTerminal(text);
}
