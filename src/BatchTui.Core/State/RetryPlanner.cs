using BatchTui.Core.Api;
using BatchTui.Core.Requests;
using System.Text.RegularExpressions;

namespace BatchTui.Core.State;

/// <summary>
/// Builds the new request list for "retry failed": the original params of every errored / expired / canceled
/// request, looked up in the journal or in the original requests file the user points at.
/// </summary>
public sealed partial class RetryPlanner(SubmissionJournal journal)
{
    public async Task<RetryPlan> PlanAsync(string batchId, IReadOnlyCollection<string> failedCustomIds, RetryIdMode mode,
        string? originalFile = null, CancellationToken ct = default)
    {
        if (failedCustomIds.Count == 0)
            return new RetryPlan(batchId, [], [], "", $"batch {batchId} has no errored, expired or canceled requests: nothing to retry");

        IReadOnlyList<BatchRequestItem> original;
        string source;
        if (originalFile is not null)
        {
            if (!File.Exists(originalFile)) return new RetryPlan(batchId, [], [], originalFile, $"{originalFile}: no such file");
            CheckedRequests file = await CheckedRequests.CheckFileAsync(originalFile, ct: ct);
            if (file.Parsed.HasErrors)
                return new RetryPlan(batchId, [], [], originalFile, $"{originalFile}: {file.Parsed.Errors[0].Text}");
            original = file.Items;
            source = originalFile;
        }
        else
        {
            JournalEntry? entry = await journal.TryLoadAsync(batchId, ct);
            if (entry is null)
                return new RetryPlan(batchId, [], [], "", NotJournaled(batchId));
            original = entry.Requests;
            source = "the journal";
        }
        return Build(batchId, original, failedCustomIds, mode, source);
    }

    public string NotJournaled(string batchId) =>
        $"batch {batchId} was not submitted by batchtui on this machine, so its requests are not known locally " +
        $"(the journal in {journal.Directory} has no entry for it): point at the original requests file to retry its failed requests";

    /// <summary>The pure part: pick the failed requests out of the originals, in their original order, and rename.</summary>
    public static RetryPlan Build(string batchId, IReadOnlyList<BatchRequestItem> original, IReadOnlyCollection<string> failedCustomIds,
        RetryIdMode mode, string source)
    {
        var failed = new HashSet<string>(failedCustomIds, StringComparer.Ordinal);
        var found = new HashSet<string>(StringComparer.Ordinal);
        var picked = new List<BatchRequestItem>();
        foreach (BatchRequestItem item in original)
            if (failed.Contains(item.CustomId) && found.Add(item.CustomId)) picked.Add(item);

        var missing = failedCustomIds.Where(id => !found.Contains(id)).Distinct(StringComparer.Ordinal).ToList();
        if (mode == RetryIdMode.RetrySuffix)
        {
            var taken = new HashSet<string>(StringComparer.Ordinal);
            picked = picked.Select(i => i with { CustomId = NextRetryId(i.CustomId, taken) }).ToList();
        }
        string? problem = picked.Count == 0
            ? $"none of the {failed.Count} failed custom_ids of {batchId} are in {source}"
            : null;
        return new RetryPlan(batchId, picked, missing, source, problem);
    }

    /// <summary><c>row-7</c> → <c>row-7-retry1</c>, <c>row-7-retry1</c> → <c>row-7-retry2</c>; kept within 64 characters.</summary>
    public static string NextRetryId(string id, ISet<string>? taken = null)
    {
        Match m = RetrySuffix().Match(id);
        string stem = m.Success ? id[..m.Index] : id;
        int n = m.Success ? int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) + 1 : 1;
        while (true)
        {
            string suffix = $"-retry{n}";
            string candidate = (stem.Length + suffix.Length > RequestValidator.MaxCustomIdLength
                ? stem[..(RequestValidator.MaxCustomIdLength - suffix.Length)]
                : stem) + suffix;
            if (taken is null || taken.Add(candidate)) return candidate;
            n++;
        }
    }

    [GeneratedRegex(@"-retry(\d{1,6})$")]
    private static partial Regex RetrySuffix();
}
