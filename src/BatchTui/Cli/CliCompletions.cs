using BatchTui.Core.Config;
using BatchTui.Core.Results.Store;

namespace BatchTui.Cli;

/// <summary>Dynamic completions: profile names from the config file, batch ids from the results cache and the last list.</summary>
internal static class CliCompletions
{
    public static IEnumerable<string> Profiles(CliIo io)
    {
        try
        {
            return ConfigLoader.Load([], io.Env, io.ConfigPath).Options.Profiles;
        }
        catch (ConfigException)
        {
            return [];
        }
    }

    public static IEnumerable<string> BatchIds(CliIo io)
    {
        Func<string, string?> Var = io.Var;
        var ids = new List<string>(LastList.Load(Var));
        try
        {
            string home = Var("HOME") is { Length: > 0 } h ? h : Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
            ids.AddRange(new ResultsStore(CacheDirectory.Resolve(Var, home)).AllCachedBatchIds());
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { }
        return ids.Where(LastList.IsId).Distinct(StringComparer.Ordinal);
    }
}
