namespace BatchTui.Core.Config;

/// <summary>
/// The profiles a running app can switch to, each resolved as <c>--profile NAME</c> would resolve it with the same
/// config file and environment. The command line's connection flags (<c>--base-url</c>, <c>--api-key-env</c>,
/// <c>--beta</c>, <c>--demo</c>) belong to the profile chosen at start and are dropped; the other flags
/// (<c>--read-only</c>, <c>--config</c>, theme, page size …) stay for the whole session.
/// </summary>
public sealed class ProfileCatalog(IReadOnlyList<string> args, IReadOnlyDictionary<string, string?> env, string? configPath = null)
{
    private static readonly string[] ConnectionFlags = ["--profile", "--base-url", "--api-key-env", "--beta", "--demo"];

    /// <summary>Every profile in the config file, plus <paramref name="current"/> when it is not one of them (the default).</summary>
    public IReadOnlyList<ProfileSummary> List(string current)
    {
        IReadOnlyList<string> names;
        try
        {
            names = ConfigLoader.Load(ArgsFor(null), env, configPath).Options.Profiles;
        }
        catch (ConfigException)
        {
            names = [];
        }
        var all = names.Contains(current, StringComparer.Ordinal) ? names : [current, .. names];
        return all.Select(Describe).ToList();
    }

    /// <summary>What <paramref name="name"/> resolves to now (the environment is read again: a key set meanwhile counts).</summary>
    public ProfileSummary Describe(string name)
    {
        try
        {
            BatchTuiOptions o = ConfigLoader.Load(ArgsFor(name), env, configPath).Options;
            // A profile of one's own with no key at all would fall back to the demo simulator or fail on the first call.
            bool defined = o.Profiles.Contains(name, StringComparer.Ordinal);
            if (defined && o.ApiKey is null && !o.Demo)
                return new ProfileSummary(name, o, $"no API key: set ANTHROPIC_API_KEY or apiKey/apiKeyEnv in profile {name}");
            return new ProfileSummary(name, o, null);
        }
        catch (ConfigException e) when (e.MissingKeyVariable is { } variable)
        {
            return new ProfileSummary(name, null, $"no API key: set {variable}");
        }
        catch (ConfigException e)
        {
            return new ProfileSummary(name, null, e.Message);
        }
    }

    /// <summary>The start's arguments with its connection flags replaced by <c>--profile NAME</c> (null: none).</summary>
    public IReadOnlyList<string> ArgsFor(string? name)
    {
        var kept = new List<string>();
        for (int i = 0; i < args.Count; i++)
        {
            string a = args[i];
            if (a == "--") { kept.AddRange(args.Skip(i)); break; }
            string flag = a.Split('=', 2)[0];
            if (ConnectionFlags.Contains(flag, StringComparer.Ordinal))
            {
                // "--flag value" takes the next argument too; --demo takes none.
                if (!a.Contains('=') && flag != "--demo") i++;
                continue;
            }
            kept.Add(a);
        }
        if (name is not null) kept.AddRange(["--profile", name]);
        return kept;
    }
}
