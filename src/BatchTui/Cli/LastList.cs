using BatchTui.Core.Results.Store;

namespace BatchTui.Cli;

/// <summary>
/// The ids the last <c>batchtui list</c> printed, kept beside the results cache for shell completion
/// (<c>$XDG_CACHE_HOME/batchtui/last-list</c>). Only well-formed ids are kept; failing to write it is not an error.
/// </summary>
internal static class LastList
{
    public static string PathFor(Func<string, string?> env) =>
        Path.Combine(Path.GetDirectoryName(CacheDirectory.Resolve(env, Home(env)))!, "last-list");

    private static string Home(Func<string, string?> env) =>
        env("HOME") is { Length: > 0 } h ? h : Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);

    public static void Save(Func<string, string?> env, IEnumerable<string> ids)
    {
        // An environment with neither (a test's own dictionary) must not write into the real home.
        if (env("HOME") is null && env("XDG_CACHE_HOME") is null) return;
        try
        {
            string path = PathFor(env);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllLines(path, ids.Where(IsId));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { }
    }

    public static IReadOnlyList<string> Load(Func<string, string?> env)
    {
        try
        {
            string path = PathFor(env);
            return File.Exists(path) ? File.ReadLines(path).Take(1000).Where(IsId).ToList() : [];
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return [];
        }
    }

    public static bool IsId(string id) =>
        id.Length is > 0 and <= 200 && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-');
}
