using BatchTui.Core.Config;
using BatchTui.Core.Results.Store;

namespace BatchTui.Cli;

/// <summary>Dynamic completions: profile names from the config file, batch ids from the results cache and the last list.</summary>
internal static class CliCompletions
{
    public static IEnumerable<string> Profiles()
    {
        try
        {
            return ConfigLoader.Load([], ConfigLoader.ProcessEnvironment()).Options.Profiles;
        }
        catch (ConfigException)
        {
            return [];
        }
    }

    public static IEnumerable<string> BatchIds()
    {
        var env = ConfigLoader.ProcessEnvironment();
        string? Var(string k) => env.TryGetValue(k, out string? v) ? v : null;
        var ids = new List<string>(LastList.Load(Var));
        try
        {
            string home = Var("HOME") is { Length: > 0 } h ? h : Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
            ids.AddRange(new ResultsStore(CacheDirectory.Resolve(Var, home)).CachedBatchIds());
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { }
        return ids.Where(LastList.IsId).Distinct(StringComparer.Ordinal);
    }
}
