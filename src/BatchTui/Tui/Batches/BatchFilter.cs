using BatchTui.Core.Api;

namespace BatchTui.Tui.Batches;

/// <summary>
/// What the list shows of a page: a substring of the id or of the batch's local label, and/or a status. Applied
/// client-side to every page, so it survives refresh and paging (the API has no server-side filter).
/// </summary>
public sealed record BatchFilter(string IdContains, BatchStatus? Status)
{
    public static BatchFilter None { get; } = new("", null);

    public bool IsEmpty => IdContains.Length == 0 && Status is null;

    /// <summary>The local label of a batch id (set by the list from its label store), matched like the id.</summary>
    public Func<string, string?>? LabelOf { get; init; }

    public bool Matches(MessageBatch b) =>
        (Status is null || b.Status == Status) &&
        (IdContains.Length == 0 || b.Id.Contains(IdContains, StringComparison.OrdinalIgnoreCase) ||
            LabelOf?.Invoke(b.Id)?.Contains(IdContains, StringComparison.OrdinalIgnoreCase) == true);

    /// <summary>
    /// Parses what the user typed after <c>/</c>: words like <c>ended</c>, <c>status:canceling</c> or <c>s:in_progress</c>
    /// pick a status; anything else is the id substring.
    /// </summary>
    public static BatchFilter Parse(string text)
    {
        BatchStatus? status = null;
        var rest = new List<string>();
        foreach (string word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            string w = word;
            if (w.StartsWith("status:", StringComparison.OrdinalIgnoreCase)) w = w[7..];
            else if (w.StartsWith("s:", StringComparison.OrdinalIgnoreCase)) w = w[2..];
            else if (!IsStatusWord(w)) { rest.Add(word); continue; }
            BatchStatus parsed = BatchStatusText.Parse(w.ToLowerInvariant().Replace('-', '_'));
            if (parsed != BatchStatus.Unknown) status = parsed;
            else rest.Add(word);
        }
        return new BatchFilter(string.Join(' ', rest), status);
    }

    private static bool IsStatusWord(string w) =>
        BatchStatusText.Parse(w.ToLowerInvariant().Replace('-', '_')) != BatchStatus.Unknown;

    /// <summary>The next status in the cycle all → in_progress → canceling → ended → all.</summary>
    public BatchFilter NextStatus() => this with
    {
        Status = Status switch
        {
            null => BatchStatus.InProgress,
            BatchStatus.InProgress => BatchStatus.Canceling,
            BatchStatus.Canceling => BatchStatus.Ended,
            _ => null,
        },
    };

    /// <summary>How the filter reads in the list's title, e.g. <c>status:ended id~"01a"</c>.</summary>
    public override string ToString()
    {
        var parts = new List<string>();
        if (Status is { } s) parts.Add($"status:{s.ToWire()}");
        if (IdContains.Length > 0) parts.Add(LabelOf is null ? $"id~\"{IdContains}\"" : $"id/label~\"{IdContains}\"");
        return string.Join(' ', parts);
    }

    /// <summary>The filter as the user would type it back into the prompt.</summary>
    public string ToPromptText() =>
        string.Join(' ', new[] { Status?.ToWire() ?? "", IdContains }.Where(p => p.Length > 0));
}
