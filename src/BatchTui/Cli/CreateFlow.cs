using BatchTui.Core.Api;
using BatchTui.Core.Requests;
using BatchTui.Core.State;
using BatchTui.Core.Text;

namespace BatchTui.Cli;

/// <summary>
/// <c>batchtui create FILE</c> once the connection is open: validate, preview, confirm, submit, journal.
/// Human text goes to stderr and only the new batch id to stdout, so <c>id=$(batchtui create f --yes)</c> works.
/// </summary>
internal sealed class CreateFlow(IBatchesApi api, SubmissionJournal journal, CliConsole console)
{
    public const int Created = 0;
    public const int Invalid = 1;
    public const int Usage = 2;
    public const int ApiFailed = 3;
    public const int NotConfirmed = 4;

    /// <summary>How the created batch goes to stdout (<c>--format</c>); null: its id alone.</summary>
    public Action<MessageBatch>? PrintCreated { get; init; }

    /// <summary>Runs once the batch exists and is journalled, before it is printed (create --label).</summary>
    public Func<MessageBatch, CancellationToken, Task>? OnCreated { get; init; }

    /// <param name="target">How the destination is named in the preview, e.g. "the built-in simulator".</param>
    public async Task<int> RunAsync(string file, bool yes, string target, CancellationToken ct)
    {
        TextWriter err = console.Err;
        if (!File.Exists(file))
        {
            err.WriteLine($"batchtui: {file}: no such file");
            return Usage;
        }
        CheckedRequests requests;
        try
        {
            requests = await CheckedRequests.CheckFileAsync(file, ct: ct);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            err.WriteLine($"batchtui: {file}: {UntrustedText.ForTerminal(e.Message)}");
            return Usage;
        }

        foreach (JsonSyntaxError e in requests.Parsed.Errors) err.WriteLine($"{file}:{e.Line}:{e.Column}: error: {UntrustedText.ForTerminal(e.Message)}");
        foreach (ValidationMessage m in requests.Report.Messages)
            err.WriteLine($"{file}{(m.Line is { } l ? $":{l}" : "")}: {(m.Severity == Severity.Error ? "error" : "warning")}: {UntrustedText.ForTerminal(m.Text)}");
        int errors = requests.Parsed.Errors.Count + requests.Report.Errors.Count();
        if (errors > 0)
        {
            err.WriteLine($"batchtui: {file}: {Plural(errors, "error")}; nothing was sent");
            return Invalid;
        }

        err.WriteLine($"{file}: ready to send to {target}");
        foreach (string line in requests.Preview.Lines) err.WriteLine("  " + line);

        if (!yes)
        {
            if (!console.IsTerminal)
            {
                err.WriteLine("batchtui: not sent: stdin is not a terminal, so there is no one to confirm; pass --yes to send without asking");
                return NotConfirmed;
            }
            err.Write($"Create this batch of {Plural(requests.Preview.Count, "request")}? [y/N] ");
            err.Flush();
            string? answer = await console.In.ReadLineAsync(ct);
            if (answer?.Trim().ToLowerInvariant() is not ("y" or "yes"))
            {
                err.WriteLine("batchtui: not sent");
                return NotConfirmed;
            }
        }

        MessageBatch batch;
        try
        {
            batch = await api.CreateAsync(requests.ToCreateRequest(), ct);
        }
        catch (CreateUncertainException e)
        {
            // Not re-sent: the batch may exist. Say which one likely is it, and keep the attempt in the journal.
            err.WriteLine($"batchtui: create failed: {UntrustedText.ForTerminal(e.Failure.Message)}");
            err.WriteLine($"batchtui: {UntrustedText.ForTerminal(e.Check.Summary)}");
            try
            {
                string kept = await journal.RecordUncertainAsync(e, requests.Items, api.BaseUrl, Path.GetFullPath(file), CancellationToken.None);
                err.WriteLine($"batchtui: this attempt is journalled in {kept}");
            }
            catch (Exception j) when (j is IOException or UnauthorizedAccessException)
            {
                err.WriteLine($"batchtui: the journal could not be written ({j.Message})");
            }
            return ApiFailed;
        }
        catch (BatchApiException e)
        {
            err.WriteLine($"batchtui: create failed: {UntrustedText.ForTerminal(e.Message)}");
            return ApiFailed;
        }

        try
        {
            await journal.RecordAsync(batch.Id, requests.Items, api.BaseUrl, Path.GetFullPath(file), ct);
            err.WriteLine($"created {UntrustedText.ForTerminal(batch.Id)} ({batch.Status.ToWire()}, {Plural(requests.Items.Count, "request")}); journalled in {journal.RequestsPath(batch.Id)}");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The batch exists: say so, and that retry-failed will need the original file.
            err.WriteLine($"created {UntrustedText.ForTerminal(batch.Id)}, but the journal could not be written ({UntrustedText.ForTerminal(e.Message)}): keep {file} to retry its failed requests");
        }
        if (OnCreated is { } created) await created(batch, ct);
        if (PrintCreated is { } print) print(batch);
        else console.Out.WriteLine(UntrustedText.ForTerminal(batch.Id));
        return Created;
    }

    private static string Plural(long n, string word) => Units.Plural(n, word);
}

/// <summary>The three streams and whether a person is at the other end of stdin.</summary>
internal sealed record CliConsole(TextWriter Out, TextWriter Err, TextReader In, bool IsTerminal)
{
    public static CliConsole Process => new(Console.Out, Console.Error, Console.In, !Console.IsInputRedirected);
}
