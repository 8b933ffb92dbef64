using System.Text.Json;

namespace BatchTui.Core.State;

/// <summary>
/// Drafts on disk, one JSON file each in <c>drafts/</c>, written atomically. A draft that cannot be read (a stray
/// file, a newer format) is skipped and named in <see cref="Unreadable"/>, never fatal.
/// </summary>
public sealed class DraftStore(string directory, TimeProvider time)
{
    public string Directory { get; } = directory;
    public List<string> Unreadable { get; } = [];

    public string NewId()
    {
        DateTimeOffset now = time.GetUtcNow();
        return $"draft-{now:yyyyMMdd-HHmmss}-{Random.Shared.Next(0x10000):x4}";
    }

    public Draft Create(Draft? from = null) => (from ?? new Draft { Id = "" }) with { Id = NewId(), UpdatedAt = time.GetUtcNow() };

    public async Task SaveAsync(Draft draft, CancellationToken ct = default)
    {
        Draft stamped = draft with { UpdatedAt = time.GetUtcNow() };
        await AtomicFile.WriteAsync(PathOf(draft.Id), (s, c) => JsonSerializer.SerializeAsync(s, stamped, StateJson.Default.Draft, c), ct);
    }

    /// <summary>Every readable draft, newest first.</summary>
    public async Task<IReadOnlyList<Draft>> ListAsync(CancellationToken ct = default)
    {
        Unreadable.Clear();
        if (!System.IO.Directory.Exists(Directory)) return [];
        AtomicFile.CleanTemps(Directory);
        var drafts = new List<Draft>();
        foreach (string file in System.IO.Directory.EnumerateFiles(Directory, "*.json"))
        {
            try
            {
                await using FileStream s = File.OpenRead(file);
                if (await JsonSerializer.DeserializeAsync(s, StateJson.Default.Draft, ct) is { Id.Length: > 0 } d) drafts.Add(d);
                else Unreadable.Add(file);
            }
            catch (Exception e) when (e is JsonException or IOException or UnauthorizedAccessException or NotSupportedException)
            {
                Unreadable.Add(file);
            }
        }
        return drafts.OrderByDescending(d => d.UpdatedAt).ToList();
    }

    public async Task<Draft?> LoadAsync(string id, CancellationToken ct = default)
    {
        string path = PathOf(id);
        if (!File.Exists(path)) return null;
        await using FileStream s = File.OpenRead(path);
        return await JsonSerializer.DeserializeAsync(s, StateJson.Default.Draft, ct);
    }

    public void Delete(string id)
    {
        string path = PathOf(id);
        if (File.Exists(path)) File.Delete(path);
    }

    public string PathOf(string id) => Path.Combine(Directory, SafeName.Of(id) + ".json");
}
