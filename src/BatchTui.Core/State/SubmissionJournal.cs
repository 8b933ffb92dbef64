using BatchTui.Core.Api;
using BatchTui.Core.Requests;
using System.Text.Json;

namespace BatchTui.Core.State;

/// <summary>
/// Every batch the app submits, kept locally so its failed requests can be sent again: <c>journal/&lt;id&gt;.jsonl</c>
/// holds the requests exactly as sent (a plain requests file: <c>batchtui create</c> accepts it) and
/// <c>journal/&lt;id&gt;.json</c> when, where and from what. A create with an unknown outcome is kept as
/// <c>uncertain-&lt;time&gt;.*</c> (<see cref="RecordUncertainAsync"/>). Never the API key; the base URL loses any user:password.
/// </summary>
public sealed class SubmissionJournal(string directory, TimeProvider time)
{
    public string Directory { get; } = directory;

    public string RequestsPath(string batchId) => Path.Combine(Directory, SafeName.Of(batchId) + ".jsonl");
    private string MetaPath(string batchId) => Path.Combine(Directory, SafeName.Of(batchId) + ".json");

    public bool Contains(string batchId) => File.Exists(RequestsPath(batchId));

    public async Task RecordAsync(string batchId, IReadOnlyList<BatchRequestItem> requests, Uri baseUrl, string? sourceFile = null, CancellationToken ct = default)
    {
        await AtomicFile.WriteAsync(RequestsPath(batchId), (s, c) => RequestsJson.WriteJsonlAsync(s, requests, c), ct);
        var meta = new JournalMeta(batchId, time.GetUtcNow(), requests.Count, WithoutUserInfo(baseUrl), sourceFile);
        await AtomicFile.WriteAsync(MetaPath(batchId), (s, c) => JsonSerializer.SerializeAsync(s, meta, StateJson.Default.JournalMeta, c), ct);
    }

    /// <summary>
    /// Records a create whose outcome is unknown (<see cref="CreateUncertainException"/>): the requests as sent and
    /// what was found, as <c>uncertain-&lt;time&gt;.jsonl</c> / <c>.json</c>. Returns the requests file's path.
    /// </summary>
    public async Task<string> RecordUncertainAsync(CreateUncertainException e, IReadOnlyList<BatchRequestItem> requests,
        Uri baseUrl, string? sourceFile = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(e);
        CreateCheck c = e.Check;
        string name = $"{UncertainPrefix}{c.AttemptedAt.UtcDateTime:yyyyMMdd'T'HHmmssfff}Z-{Guid.NewGuid().ToString("N")[..6]}";
        string jsonl = Path.Combine(Directory, name + ".jsonl");
        await AtomicFile.WriteAsync(jsonl, (s, t) => RequestsJson.WriteJsonlAsync(s, requests, t), ct);
        var record = new UncertainCreate(c.AttemptedAt, requests.Count, WithoutUserInfo(baseUrl), sourceFile,
            e.Failure.Message, e.RequestId, c.LikelyMatch?.Id, c.LikelyMatch?.CreatedAt, c.OtherCandidates, c.LookupProblem, c.Verdict);
        await AtomicFile.WriteAsync(Path.Combine(Directory, name + ".json"),
            (s, t) => JsonSerializer.SerializeAsync(s, record, StateJson.Default.UncertainCreate, t), ct);
        return jsonl;
    }

    /// <summary>Every create with an unknown outcome recorded here, oldest first.</summary>
    public async Task<IReadOnlyList<UncertainCreate>> UncertainAsync(CancellationToken ct = default)
    {
        if (!System.IO.Directory.Exists(Directory)) return [];
        var found = new List<UncertainCreate>();
        foreach (string path in System.IO.Directory.EnumerateFiles(Directory, UncertainPrefix + "*.json").Order(StringComparer.Ordinal))
        {
            try
            {
                if (JsonSerializer.Deserialize(await File.ReadAllTextAsync(path, ct), StateJson.Default.UncertainCreate) is { } u)
                    found.Add(u);
            }
            catch (JsonException)
            {
                // a damaged record is skipped, not fatal
            }
        }
        return found;
    }

    private const string UncertainPrefix = "uncertain-";

    /// <summary>The entry for <paramref name="batchId"/>, or null when this machine never submitted it.</summary>
    public async Task<JournalEntry?> TryLoadAsync(string batchId, CancellationToken ct = default)
    {
        string path = RequestsPath(batchId);
        if (!File.Exists(path)) return null;
        CheckedRequests requests = await CheckedRequests.CheckFileAsync(path, ct: ct);
        JournalMeta? meta = null;
        try
        {
            if (File.Exists(MetaPath(batchId)))
                meta = JsonSerializer.Deserialize(await File.ReadAllTextAsync(MetaPath(batchId), ct), StateJson.Default.JournalMeta);
        }
        catch (JsonException)
        {
            // The requests are what matters; a damaged side file only loses the date and source.
        }
        return new JournalEntry(batchId, meta?.SubmittedAt ?? File.GetLastWriteTimeUtc(path), requests.Items.Count,
            meta?.BaseUrl ?? "", meta?.SourceFile, requests.Items);
    }

    /// <summary>The requests file <paramref name="batchId"/> was made from, as journalled; null when unknown.</summary>
    public string? SourceFileOf(string batchId)
    {
        try
        {
            string meta = MetaPath(batchId);
            return File.Exists(meta) ? JsonSerializer.Deserialize(File.ReadAllText(meta), StateJson.Default.JournalMeta)?.SourceFile : null;
        }
        catch (Exception e) when (e is JsonException or IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static string WithoutUserInfo(Uri url) =>
        url.UserInfo.Length == 0 ? url.ToString() : new UriBuilder(url) { UserName = "", Password = "" }.Uri.ToString();
}
