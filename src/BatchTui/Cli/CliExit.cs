namespace BatchTui.Cli;

/// <summary>
/// One exit-code table for every command (the README and <c>batchtui --help</c> print <see cref="Table"/>).
/// create keeps the codes it always had: 1 for an invalid requests file, 3 for any API error.
/// </summary>
internal static class CliExit
{
    public const int Ok = 0;
    public const int Failed = 1;
    public const int Usage = 2;
    public const int Refused = 3;
    public const int NotConfirmed = 4;
    public const int NotFound = 5;
    public const int NotEnded = 6;
    public const int SomeFailed = 7;
    public const int Canceled = 8;
    public const int TimedOut = 9;
    public const int Interrupted = 130;

    public static readonly (int Code, string Meaning)[] Rows =
    [
        (Ok, "success (watch: every request of every batch succeeded)"),
        (Failed, "failure: no answer from the API, or an error that is not one below (401, 403, 429, 5xx), a file that cannot be read; create: the requests file is invalid"),
        (Usage, "usage: unknown command or flag, bad value, bad config or profile; a change asked of a read-only profile"),
        (Refused, "the API refused the action in this state (400 / 409: cancel an ended batch, delete a running one); create: any API error"),
        (NotConfirmed, "not confirmed: answered no, or no terminal to ask and no --yes"),
        (NotFound, "no such batch (404)"),
        (NotEnded, "results: the batch has not ended (or its results were archived before being cached)"),
        (SomeFailed, "watch: a batch ended with errored or expired requests"),
        (Canceled, "watch: a batch was canceled"),
        (TimedOut, "watch: --timeout came before every batch ended"),
        (Interrupted, "interrupted (Ctrl+C)"),
    ];

    public static IEnumerable<string> Table() => Rows.Select(r => $"  {r.Code,3}  {r.Meaning}");
}
