namespace BatchTui.Core.Tests.State;

/// <summary>A fresh directory under /tmp, removed afterwards.</summary>
public sealed class TempDir : IDisposable
{
    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "batchtui-test-" + Guid.NewGuid().ToString("N")[..12]);

    public TempDir() => Directory.CreateDirectory(Path);

    public string this[string name] => System.IO.Path.Combine(Path, name);

    /// <summary>Every byte of every file below, for "the key is not in there" checks.</summary>
    public string AllText() => string.Join("\n", Directory.EnumerateFiles(Path, "*", SearchOption.AllDirectories).Select(File.ReadAllText));

    public void Dispose()
    {
        try { Directory.Delete(Path, recursive: true); } catch (IOException) { }
    }
}
