namespace BatchTui.Core.State;

/// <summary>
/// Folders and files only their owner can read (0700 / 0600): results, drafts and the journal are customer data.
/// A folder an older version created with the default mode is tightened when it is next used.
/// </summary>
public static class PrivateFiles
{
    private const UnixFileMode DirMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    private const UnixFileMode FileMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    /// <summary>Creates <paramref name="dir"/> (and missing parents) as 0700, or sets an existing one to 0700.</summary>
    public static void EnsureDirectory(string dir)
    {
        if (OperatingSystem.IsWindows()) { Directory.CreateDirectory(dir); return; }
        if (!Directory.Exists(dir))
        {
            // Missing parents too (e.g. ~/.cache/batchtui): CreateDirectory gives the mode to the last one only.
            var missing = new Stack<string>();
            for (string? d = Path.GetFullPath(dir); d is not null && !Directory.Exists(d); d = Path.GetDirectoryName(d)) missing.Push(d);
            while (missing.TryPop(out string? d)) Directory.CreateDirectory(d, DirMode);
        }
        else if ((File.GetUnixFileMode(dir) & ~DirMode) != 0)
        {
            try { File.SetUnixFileMode(dir, DirMode); }
            catch (UnauthorizedAccessException) { } // not ours: leave it, the files inside are still 0600
        }
    }

    /// <summary>Options that create a new file as 0600 (the mode is applied at creation, never after).</summary>
    public static FileStreamOptions NewFile(FileAccess access = FileAccess.Write, FileOptions options = FileOptions.None, int bufferSize = 4096)
    {
        var o = new FileStreamOptions { Mode = System.IO.FileMode.CreateNew, Access = access, Options = options, BufferSize = bufferSize };
        if (!OperatingSystem.IsWindows()) o.UnixCreateMode = FileMode;
        return o;
    }
}
