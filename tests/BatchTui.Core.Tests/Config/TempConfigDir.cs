namespace BatchTui.Core.Tests.Config;

/// <summary>A throw-away config directory with an optional config.json, deleted afterwards.</summary>
internal sealed class TempConfigDir : IDisposable
{
    public string Dir { get; } = Directory.CreateTempSubdirectory("batchtui-config-").FullName;
    public string File => Path.Combine(Dir, "config.json");

    public TempConfigDir(string? json = null)
    {
        if (json is not null) System.IO.File.WriteAllText(File, json);
    }

    public void Dispose() => Directory.Delete(Dir, recursive: true);
}
