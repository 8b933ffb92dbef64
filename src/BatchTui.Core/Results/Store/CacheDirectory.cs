namespace BatchTui.Core.Results.Store;

/// <summary>Where results are cached: <c>$XDG_CACHE_HOME/batchtui/results</c>, else <c>~/.cache/batchtui/results</c>.</summary>
public static class CacheDirectory
{
    public static string Default()
    {
        string? xdg = Environment.GetEnvironmentVariable("XDG_CACHE_HOME");
        string root = !string.IsNullOrWhiteSpace(xdg) && Path.IsPathRooted(xdg)
            ? xdg
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache");
        return Path.Combine(root, "batchtui", "results");
    }
}
