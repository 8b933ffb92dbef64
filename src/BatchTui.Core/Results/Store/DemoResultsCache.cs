namespace BatchTui.Core.Results.Store;

/// <summary>
/// The results cache of a demo session: the built-in simulator's batches live only as long as the process, so their
/// results go to a private temp folder (0700) removed on <see cref="Dispose"/>, not into the user's cache. Folders a
/// killed session left behind are removed once they are a day old.
/// </summary>
public sealed class DemoResultsCache : IDisposable
{
    private const string Prefix = "batchtui-demo-results-";
    private static readonly TimeSpan Abandoned = TimeSpan.FromDays(1);

    public DemoResultsCache(TimeProvider? time = null)
    {
        DateTimeOffset now = (time ?? TimeProvider.System).GetUtcNow();
        try
        {
            foreach (string old in Directory.EnumerateDirectories(System.IO.Path.GetTempPath(), Prefix + "*"))
                if (now - Directory.GetLastWriteTimeUtc(old) > Abandoned) TryDelete(old);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { }
        Path = Directory.CreateTempSubdirectory(Prefix).FullName;
    }

    public string Path { get; }

    public void Dispose() => TryDelete(Path);

    private static void TryDelete(string dir)
    {
        try { Directory.Delete(dir, recursive: true); }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
    }
}
