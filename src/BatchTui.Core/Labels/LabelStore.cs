using BatchTui.Core.Results.Store;
using BatchTui.Core.State;
using System.Text.Json;

namespace BatchTui.Core.Labels;

/// <summary>
/// Labels and notes of batches, kept on this machine: one file per API origin (and workspace),
/// <c>$XDG_STATE_HOME/batchtui/labels/&lt;scope&gt;.json</c> named like the results cache's folders
/// (<see cref="CacheScope.FolderName"/>), so two APIs handing out the same id never share a label. Nothing here asks
/// the server: a label outlives the batch's archiving or deletion.
/// <para>
/// Concurrency: a change takes an exclusive lock on <c>&lt;scope&gt;.lock</c> (an OS file lock, released by the
/// kernel if the process dies, so a killed process leaves no stale lock), re-reads the file, applies its one change
/// to what it read and replaces the file atomically (temp file + rename). Two processes labelling different batches
/// (or one the label and the other the note) therefore both keep their change; readers never lock and always see a
/// whole file, old or new.
/// </para>
/// A store without a directory keeps everything in memory (the demo simulator: its origin and ids are new each run).
/// </summary>
public sealed class LabelStore
{
    private static readonly TimeSpan LockWait = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan LockRetry = TimeSpan.FromMilliseconds(25);
    private readonly TimeProvider _time;
    private readonly object _gate = new();
    private IReadOnlyDictionary<string, BatchNote> _entries = new Dictionary<string, BatchNote>(StringComparer.Ordinal);
    private (DateTime Written, long Length)? _seen;
    private bool _loaded;

    /// <param name="directory">The labels folder (<see cref="DirectoryIn"/>); null: in memory only.</param>
    public LabelStore(string? directory, CacheScope scope, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(scope);
        Scope = scope;
        _time = time ?? TimeProvider.System;
        if (directory is not null)
        {
            FilePath = Path.Combine(directory, scope.FolderName + ".json");
            LockPath = Path.Combine(directory, scope.FolderName + ".lock");
        }
    }

    /// <summary>The labels folder under the state directory.</summary>
    public static string DirectoryIn(string stateDir) => Path.Combine(stateDir, "labels");

    /// <summary>The store for <paramref name="scope"/> under <paramref name="stateDir"/>, read once.</summary>
    public static LabelStore Open(string stateDir, CacheScope scope, TimeProvider? time = null)
    {
        var store = new LabelStore(DirectoryIn(stateDir), scope, time);
        store.Reload();
        return store;
    }

    public CacheScope Scope { get; }
    /// <summary>The labels file; null for an in-memory store.</summary>
    public string? FilePath { get; }
    private string? LockPath { get; }
    public bool Persistent => FilePath is not null;

    /// <summary>Why the file could not be read at the last <see cref="Reload"/> (then it is left alone); null when fine.</summary>
    public string? Problem { get; private set; }

    /// <summary>Raised (on the writing thread) after this store's own change or a reload that found a change.</summary>
    public event Action? Changed;

    /// <summary>Every entry as last read or written.</summary>
    public IReadOnlyDictionary<string, BatchNote> All => _entries;

    public BatchNote? Get(string batchId) => _entries.GetValueOrDefault(batchId);
    public string? LabelOf(string batchId) => Get(batchId)?.Label;

    /// <summary>Reads the file again if it changed since last seen (a stat when not): what another process wrote.</summary>
    public bool Reload()
    {
        if (FilePath is null) return false;
        var info = new FileInfo(FilePath);
        (DateTime, long)? stamp = info.Exists ? (info.LastWriteTimeUtc, info.Length) : null;
        if (_loaded && stamp == _seen) return false;
        try
        {
            LabelFile file = Read(FilePath);
            Publish(file.Batches, stamp);
            Problem = null;
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Problem = e.Message;
            return false;
        }
    }

    /// <summary>Sets (or with null / blank, clears) the label of <paramref name="batchId"/>; returns the entry now.</summary>
    public Task<BatchNote?> SetLabelAsync(string batchId, string? label, CancellationToken ct = default) =>
        ChangeAsync(batchId, n => n with { Label = LabelText.Label(label) }, ct);

    /// <summary>Sets (or clears) the note of <paramref name="batchId"/>; returns the entry now.</summary>
    public Task<BatchNote?> SetNoteAsync(string batchId, string? note, CancellationToken ct = default) =>
        ChangeAsync(batchId, n => n with { Note = LabelText.Note(note) }, ct);

    private async Task<BatchNote?> ChangeAsync(string batchId, Func<BatchNote, BatchNote> change, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrEmpty(batchId);
        DateTimeOffset now = _time.GetUtcNow();
        if (FilePath is null)
        {
            lock (_gate)
            {
                var copy = new Dictionary<string, BatchNote>(_entries, StringComparer.Ordinal);
                BatchNote? result = Apply(copy, batchId, change, now);
                _entries = copy;
                Changed?.Invoke();
                return result;
            }
        }

        string dir = Path.GetDirectoryName(FilePath)!;
        PrivateFiles.EnsureDirectory(dir);
        await using FileStream held = await LockAsync(ct).ConfigureAwait(false);
        // Under the lock: the file as it is now (another process may have written since we read), plus our change.
        LabelFile current = Read(FilePath);
        var entries = new Dictionary<string, BatchNote>(current.Batches, StringComparer.Ordinal);
        BatchNote? after = Apply(entries, batchId, change, now);
        var next = current with
        {
            Origin = WithoutUserInfo(Scope.BaseUrl),
            Workspace = Scope.Workspace,
            Batches = new Dictionary<string, BatchNote>(entries.OrderBy(kv => kv.Key, StringComparer.Ordinal), StringComparer.Ordinal),
        };
        await AtomicFile.WriteAsync(FilePath, (s, c) => JsonSerializer.SerializeAsync(s, next, LabelJson.Default.LabelFile, c), ct)
            .ConfigureAwait(false);
        var info = new FileInfo(FilePath);
        Publish(entries, (info.LastWriteTimeUtc, info.Length));
        Problem = null;
        return after;
    }

    private static BatchNote? Apply(Dictionary<string, BatchNote> entries, string batchId, Func<BatchNote, BatchNote> change, DateTimeOffset now)
    {
        BatchNote before = entries.GetValueOrDefault(batchId) ?? new BatchNote(null, null, now);
        BatchNote after = change(before) with { UpdatedAt = now };
        if (after.IsEmpty) { entries.Remove(batchId); return null; }
        entries[batchId] = after;
        return after;
    }

    private void Publish(IReadOnlyDictionary<string, BatchNote> entries, (DateTime, long)? stamp)
    {
        lock (_gate)
        {
            _entries = new Dictionary<string, BatchNote>(entries, StringComparer.Ordinal);
            _seen = stamp;
            _loaded = true;
        }
        Changed?.Invoke();
    }

    // An exclusive OS lock (flock on Unix): released when the handle closes or the process dies.
    private async Task<FileStream> LockAsync(CancellationToken ct)
    {
        long started = _time.GetTimestamp();
        while (true)
        {
            try
            {
                var options = new FileStreamOptions { Mode = FileMode.OpenOrCreate, Access = FileAccess.ReadWrite, Share = FileShare.None };
                if (!OperatingSystem.IsWindows()) options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
                return new FileStream(LockPath!, options);
            }
            catch (IOException) when (_time.GetElapsedTime(started) < LockWait)
            {
                await Task.Delay(LockRetry, _time, ct).ConfigureAwait(false);
            }
        }
    }

    private static LabelFile Read(string path)
    {
        if (!File.Exists(path)) return new LabelFile();
        try
        {
            return JsonSerializer.Deserialize(File.ReadAllBytes(path), LabelJson.Default.LabelFile) ?? new LabelFile();
        }
        catch (JsonException e)
        {
            // Never overwritten: a damaged (hand-edited) file would lose every label in it.
            throw new IOException($"{path} is not a labels file this version can read ({e.Message}); fix or move it", e);
        }
    }

    private static string WithoutUserInfo(Uri url) =>
        url.UserInfo.Length == 0 ? url.ToString() : new UriBuilder(url) { UserName = "", Password = "" }.Uri.ToString();
}
