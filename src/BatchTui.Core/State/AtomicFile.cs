namespace BatchTui.Core.State;

/// <summary>
/// Writes a file so that a reader (or the next start after a kill) sees either the old content or the new, never
/// half of it: write a temp file beside it, flush it to disk, then rename over the target.
/// </summary>
public static class AtomicFile
{
    public const string TempSuffix = ".tmp";

    public static async Task WriteAsync(string path, Func<Stream, CancellationToken, Task> write, CancellationToken ct = default)
    {
        string dir = Path.GetDirectoryName(Path.GetFullPath(path))!;
        StateDirectory.Ensure(dir);
        string temp = Path.Combine(dir, $".{Path.GetFileName(path)}.{Guid.NewGuid():N}{TempSuffix}");
        try
        {
            var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Options = FileOptions.Asynchronous };
            if (!OperatingSystem.IsWindows()) options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            await using (var stream = new FileStream(temp, options))
            {
                await write(stream, ct);
                await stream.FlushAsync(ct);
                stream.Flush(flushToDisk: true);
            }
            File.Move(temp, path, overwrite: true);
        }
        catch
        {
            TryDelete(temp);
            throw;
        }
    }

    public static Task WriteAllTextAsync(string path, string text, CancellationToken ct = default) =>
        WriteAsync(path, async (s, c) =>
        {
            await using var w = new StreamWriter(s, leaveOpen: true);
            await w.WriteAsync(text.AsMemory(), c);
        }, ct);

    /// <summary>Removes temp files a killed process left behind.</summary>
    public static void CleanTemps(string dir)
    {
        if (!Directory.Exists(dir)) return;
        foreach (string f in Directory.EnumerateFiles(dir, "." + "*" + TempSuffix)) TryDelete(f);
    }

    private static void TryDelete(string path)
    {
        try { File.Delete(path); }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
    }
}
