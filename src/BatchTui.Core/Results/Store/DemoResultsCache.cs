namespace BatchTui.Core.Results.Store;

/// <summary>
/// The results cache of a demo session: the built-in simulator's batches live only as long as the process, so their
/// results go to a private temp folder (0700) removed on <see cref="Dispose"/>, not into the user's cache.
/// </summary>
public sealed class DemoResultsCache : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("batchtui-demo-results-").FullName;

    public void Dispose()
    {
        try { Directory.Delete(Path, recursive: true); }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
    }
}
