namespace BatchTui.Core.Results.Store;

/// <summary>Where results are cached: <c>$XDG_CACHE_HOME/batchtui/results</c>, else <c>~/.cache/batchtui/results</c>.</summary>
public static class CacheDirectory
{
    public static string Default() =>
        Resolve(Environment.GetEnvironmentVariable, Environment.GetFolderPath(Environment.SpecialFolder.UserProfile));

    /// <summary>The rule itself, with the environment passed in (a relative XDG path is ignored, as the spec says).</summary>
    public static string Resolve(Func<string, string?> env, string home)
    {
        string? xdg = env("XDG_CACHE_HOME");
        string root = !string.IsNullOrWhiteSpace(xdg) && Path.IsPathRooted(xdg) ? xdg : Path.Combine(home, ".cache");
        return Path.Combine(root, "batchtui", "results");
    }
}
