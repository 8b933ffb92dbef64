using BatchTui.Core.Api;
using BatchTui.Core.State;

namespace BatchTui.Tui.Shell;

/// <summary>
/// Where a contained failure goes: the crash report (when the shell has a <see cref="CrashLog"/>) and the one line the
/// user sees (what failed, the error with its request-id, where the report is). Shared by the shells' guarded points:
/// the pane area's draw, key dispatch, background work and the main loop's own error hook.
/// </summary>
public sealed class CrashGuard(CrashLog? log)
{
    public CrashLog? Log => log;

    /// <summary>How many failures were contained (tests, and the main loop's give-up rule).</summary>
    public int Contained { get; private set; }

    /// <summary>Writes the report and returns the line to show.</summary>
    public string Contain(Exception error, string where)
    {
        Contained++;
        string? path = log?.Write(error, where);
        string line = $"{where} failed: {ApiErrors.Describe(error)}" +
                      (error is not BatchApiException && CrashLog.RequestIdOf(error) is { } rid ? $" · request-id {rid}" : "") +
                      (path is null ? "" : $" · report {path}");
        return log?.Clean(line) ?? CrashLog.Escape(line);
    }

    /// <summary>
    /// Failures the user can act on (the API said no, the network or the disk failed, the data is not JSON, a failure
    /// Core raised on purpose) are flashed as they are; anything else is a bug of ours and gets a crash report too.
    /// </summary>
    public static bool IsOperational(Exception e) =>
        e is BatchApiException or IOException or UnauthorizedAccessException or HttpRequestException or TimeoutException
            or OperationCanceledException or System.Text.Json.JsonException
        // Core's own exception types are thrown on purpose, with a message for the user (a download that broke off).
        || e.GetType().Namespace?.StartsWith("BatchTui.Core", StringComparison.Ordinal) == true;
}
