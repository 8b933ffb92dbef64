using BatchTui.Core.Requests;
using BatchTui.Core.Text;
using System.Globalization;

namespace BatchTui.Core.Api;

/// <summary>
/// What the client found after a create failed in a way that leaves the batch's existence unknown (a 5xx other than
/// 529, a dropped connection or a timeout after the request was sent): the newest batches were listed and the one
/// created around the attempt with the same number of requests, if any, is the <see cref="LikelyMatch"/>.
/// </summary>
/// <param name="AttemptedAt">When the create was sent (client clock).</param>
/// <param name="CheckedAt">When the newest batches were listed (client clock).</param>
/// <param name="Listed">How many of the newest batches were looked at (0 when the lookup failed).</param>
/// <param name="OtherCandidates">Further batches that fit as well as the likely match.</param>
/// <param name="LookupProblem">Why the lookup itself failed, when it did.</param>
public sealed record CreateCheck(
    DateTimeOffset AttemptedAt,
    DateTimeOffset CheckedAt,
    int RequestCount,
    MessageBatch? LikelyMatch,
    int OtherCandidates,
    int Listed,
    string? LookupProblem)
{
    /// <summary>How far before the attempt (and after the check) a created_at may lie and still match: clock skew.</summary>
    public static readonly TimeSpan Slack = TimeSpan.FromSeconds(10);

    /// <summary>How many of the newest batches are looked at.</summary>
    public const int Newest = 50;

    /// <summary>The verdict with what it means: "the batch may have been created: …" or "the outcome is unknown: …".</summary>
    public string Summary => (LikelyMatch is null ? "the outcome is unknown: " : "the batch may have been created: ") + Verdict;

    /// <summary>One sentence for a status line or stderr: what may have happened and what to do before sending again.</summary>
    public string Verdict
    {
        get
        {
            string requests = Units.Plural(RequestCount, "request");
            if (LikelyMatch is { } m)
            {
                string others = OtherCandidates > 0 ? $" ({OtherCandidates} more fit too)" : "";
                return $"{m.Id} was created {Ago(m.CreatedAt)} with the same {requests}{others}: check it before sending again";
            }
            if (LookupProblem is not null)
                return $"it may have been created, and looking for it failed ({LookupProblem}): list the batches before sending again";
            return $"no batch of {requests} was created since the attempt (looked at the newest {Listed}), but it may still have been created: list the batches before sending again";
        }
    }

    private string Ago(DateTimeOffset at)
    {
        TimeSpan age = CheckedAt - at;
        if (age < TimeSpan.FromSeconds(1)) return "just now";
        return age.TotalSeconds < 120
            ? string.Create(CultureInfo.InvariantCulture, $"{age.TotalSeconds:0} s ago")
            : string.Create(CultureInfo.InvariantCulture, $"{age.TotalMinutes:0} min ago");
    }

    /// <summary>Lists the newest batches and picks the one created nearest the attempt with <paramref name="requestCount"/> requests.</summary>
    internal static async Task<CreateCheck> RunAsync(IBatchesApi api, TimeProvider time, DateTimeOffset attemptedAt,
        int requestCount, CancellationToken ct)
    {
        IReadOnlyList<MessageBatch> newest;
        try
        {
            newest = (await api.ListAsync(new PageRequest(Newest), ct).ConfigureAwait(false)).Data;
        }
        catch (BatchApiException e)
        {
            return new CreateCheck(attemptedAt, time.GetUtcNow(), requestCount, null, 0, 0, e.Message);
        }
        DateTimeOffset now = time.GetUtcNow();
        var fits = newest
            .Where(b => b.CreatedAt >= attemptedAt - Slack && b.CreatedAt <= now + Slack && SameCount(b.Counts, requestCount))
            .OrderBy(b => (b.CreatedAt - attemptedAt).Duration())
            .ToList();
        return new CreateCheck(attemptedAt, now, requestCount, fits.FirstOrDefault(), Math.Max(0, fits.Count - 1),
            newest.Count, null);
    }

    // Counts come from the server: a sum that overflows is simply not a match.
    private static bool SameCount(RequestCounts c, int expected)
    {
        try
        {
            return checked(c.Processing + c.Succeeded + c.Errored + c.Canceled + c.Expired) == expected;
        }
        catch (OverflowException)
        {
            return false;
        }
    }
}
