namespace BatchTui.Core.Config;

/// <summary>
/// The configuration flags every command accepts, as the top configuration layer. Anything else (a command's own
/// flags, file names) is handed back untouched and in order. Both <c>--flag value</c> and <c>--flag=value</c> work;
/// <c>--</c> ends flag parsing.
/// </summary>
internal static class CommandLineLayer
{
    private sealed record Flag(string Name, string Key, bool TakesValue, string ValueName, string Help);

    private static readonly Flag[] Flags =
    [
        new("--profile", ConfigKeys.Profile, true, "NAME", "use the named profile from config.json"),
        new("--base-url", ConfigKeys.BaseUrl, true, "URL", "API base URL (default https://api.anthropic.com)"),
        new("--api-key-env", ConfigKeys.ApiKeyEnv, true, "VAR", "read the API key from environment variable VAR"),
        new("--beta", ConfigKeys.Betas, true, "VALUE", "use the beta namespace, sending VALUE as anthropic-beta (repeatable)"),
        new("--read-only", ConfigKeys.ReadOnly, false, "", "no create, cancel or delete"),
        new("--theme", ConfigKeys.Theme, true, "NAME", "colour theme"),
        new("--page-size", ConfigKeys.PageSize, true, "N", "batches per page, 1..1000 (default 50)"),
        new("--refresh-seconds", ConfigKeys.RefreshSeconds, true, "N", "auto-refresh interval, 0 = off (default 5)"),
        new("--max-retries", ConfigKeys.MaxRetries, true, "N", "retries on 429/5xx/529 and dropped connections (default 4)"),
        new("--timeout", ConfigKeys.TimeoutSeconds, true, "SECONDS", "wait at most this long for a response (default 60)"),
        new("--config", ConfigKeys.Config, true, "PATH", "read this config file instead of the default one"),
        new("--demo", ConfigKeys.Demo, false, "", "use the built-in simulator even when a key is set"),
    ];

    /// <summary>One line per flag, for usage texts.</summary>
    public static IEnumerable<string> HelpLines() =>
        Flags.Select(f => $"{(f.Name + (f.TakesValue ? " " + f.ValueName : "")),-24} {f.Help}");

    public static (Dictionary<string, string?> Values, Dictionary<string, string> Origins, List<string> Others) Parse(
        IReadOnlyList<string> args)
    {
        var values = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        var origins = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var rest = new List<string>();
        var betas = new List<string>();

        for (int i = 0; i < args.Count; i++)
        {
            string arg = args[i];
            if (arg == "--")
            {
                rest.AddRange(args.Skip(i + 1));
                break;
            }
            int eq = arg.IndexOf('=');
            string name = eq > 0 ? arg[..eq] : arg;
            Flag? flag = Flags.FirstOrDefault(f => f.Name == name);
            if (flag is null)
            {
                rest.Add(arg);
                continue;
            }

            string value;
            if (eq > 0) value = arg[(eq + 1)..];
            else if (!flag.TakesValue) value = "true";
            else if (i + 1 < args.Count && !args[i + 1].StartsWith("--", StringComparison.Ordinal)) value = args[++i];
            else throw new ConfigException($"{flag.Name} needs a value ({flag.Name} {flag.ValueName})");

            if (flag.Key == ConfigKeys.Betas)
            {
                betas.AddRange(SplitList(value));
                value = string.Join(',', betas);
            }
            values[flag.Key] = value;
            origins[flag.Key] = flag.Name;
        }
        return (values, origins, rest);
    }

    public static IEnumerable<string> SplitList(string value) =>
        value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
