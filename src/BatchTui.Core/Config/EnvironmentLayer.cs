namespace BatchTui.Core.Config;

/// <summary>
/// The environment as a configuration layer: <c>ANTHROPIC_API_KEY</c> → apiKey, <c>ANTHROPIC_BASE_URL</c> → baseUrl,
/// and <c>BATCHTUI_&lt;SETTING&gt;</c> for any top-level setting, underscores optional
/// (<c>BATCHTUI_PAGE_SIZE</c> = <c>BATCHTUI_PAGESIZE</c> → pageSize). Blank variables count as unset.
/// </summary>
internal static class EnvironmentLayer
{
    public const string Prefix = "BATCHTUI_";

    /// <summary>The layer's values, and for each key the variable it came from (for messages).</summary>
    public static (Dictionary<string, string?> Values, Dictionary<string, string> Origins) Read(
        IReadOnlyDictionary<string, string?> env)
    {
        var values = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        var origins = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

        // BATCHTUI_* first so the well-known ANTHROPIC_* names win over a BATCHTUI_API_KEY / BATCHTUI_BASE_URL.
        foreach (var (name, value) in env.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            if (string.IsNullOrWhiteSpace(value) || !name.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase)) continue;
            string squashed = name[Prefix.Length..].Replace("_", "");
            string? key = ConfigKeys.TopLevel.FirstOrDefault(k => k.Equals(squashed, StringComparison.OrdinalIgnoreCase))
                ?? (squashed.Equals("beta", StringComparison.OrdinalIgnoreCase) ? ConfigKeys.Betas : null);
            if (key is null) continue; // not ours to judge: other tools may use the prefix too
            values[key] = value.Trim();
            origins[key] = name;
        }
        Map(env, "ANTHROPIC_API_KEY", ConfigKeys.ApiKey, values, origins);
        Map(env, "ANTHROPIC_BASE_URL", ConfigKeys.BaseUrl, values, origins);
        return (values, origins);
    }

    private static void Map(IReadOnlyDictionary<string, string?> env, string name, string key,
        Dictionary<string, string?> values, Dictionary<string, string> origins)
    {
        if (env.GetValueOrDefault(name) is { } v && !string.IsNullOrWhiteSpace(v))
        {
            values[key] = v.Trim();
            origins[key] = name;
        }
    }

    /// <summary>The process environment as the dictionary <see cref="ConfigLoader"/> takes.</summary>
    public static IReadOnlyDictionary<string, string?> Process()
    {
        var d = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (System.Collections.DictionaryEntry e in Environment.GetEnvironmentVariables())
            d[(string)e.Key] = e.Value as string;
        return d;
    }
}
