using BatchTui.Core.Api;
using BatchTui.Core.Input;
using Microsoft.Extensions.Configuration;
using System.Globalization;
using System.Text.RegularExpressions;

namespace BatchTui.Core.Config;

/// <summary>
/// Resolves <see cref="BatchTuiOptions"/> from four layers, each beating the one before: built-in defaults &lt;
/// config file &lt; environment &lt; command-line flags. A selected profile's connection settings (key, base URL,
/// betas, read-only) beat the top-level file and environment values, since choosing a profile is explicit; flags
/// still beat the profile. Invalid values raise <see cref="ConfigException"/> naming the setting and its origin.
/// </summary>
public static partial class ConfigLoader
{
    /// <summary>The largest config file read: far above any real one, and a bound on what a wrong path can cost.</summary>
    public const long MaxFileBytes = 1 << 20;

    /// <summary>Loads from the real process environment and the default config location.</summary>
    public static ConfigLoadResult Load(string[] args) => Load(args, EnvironmentLayer.Process());

    /// <param name="configPath">The file to read when neither <c>--config</c> nor <c>BATCHTUI_CONFIG</c> names one
    /// (null: <c>$XDG_CONFIG_HOME/batchtui/config.json</c>, else <c>~/.config/batchtui/config.json</c>).</param>
    public static ConfigLoadResult Load(IReadOnlyList<string> args, IReadOnlyDictionary<string, string?> env,
        string? configPath = null)
    {
        var (flagValues, flagOrigins, rest) = CommandLineLayer.Parse(args);
        var (envValues, envOrigins) = EnvironmentLayer.Read(env);

        string? pathOrigin = flagValues.ContainsKey(ConfigKeys.Config) ? flagOrigins[ConfigKeys.Config]
            : envValues.ContainsKey(ConfigKeys.Config) ? envOrigins[ConfigKeys.Config] : null;
        string? explicitPath = flagValues.GetValueOrDefault(ConfigKeys.Config) ?? envValues.GetValueOrDefault(ConfigKeys.Config);
        string path = Path.GetFullPath(explicitPath ?? configPath ?? ConfigPaths.DefaultFile(env));
        if (explicitPath is not null && Directory.Exists(path))
            throw new ConfigException($"config file {path} (from {pathOrigin}) is a directory");
        bool fileExists = File.Exists(path);
        if (explicitPath is not null && !fileExists)
            throw new ConfigException($"config file {path} (from {pathOrigin}) does not exist");

        var layers = new List<Func<string, string>>();
        var builder = new ConfigurationBuilder();
        builder.AddInMemoryCollection(ConfigDefaults.AsLayer());
        layers.Add(_ => "built-in default");
        int fileLayer = -1;
        if (fileExists)
        {
            // Read once, capped while reading (a config is a few hundred bytes; --config /dev/zero never ends).
            byte[] json;
            try
            {
                json = BoundedFile.ReadAllBytes(path, MaxFileBytes, $"config file {path}");
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new ConfigException(e is InputTooLargeException ? e.Message : $"config file {path} could not be read: {e.Message}", e);
            }
            builder.AddJsonStream(new MemoryStream(json));
            fileLayer = layers.Count;
            layers.Add(key => $"{key.Replace(':', '.')} in {path}");
        }
        builder.AddInMemoryCollection(envValues);
        int envLayer = layers.Count;
        layers.Add(key => envOrigins.GetValueOrDefault(key, "the environment"));
        builder.AddInMemoryCollection(flagValues);
        int flagLayer = layers.Count;
        layers.Add(key => flagOrigins.GetValueOrDefault(key, "the command line"));

        IConfigurationRoot root;
        try
        {
            root = builder.Build();
        }
        catch (Exception e) when (e is FormatException or InvalidDataException or System.Text.Json.JsonException or IOException or UnauthorizedAccessException)
        {
            throw new ConfigException($"config file {path} could not be read: {Flatten(e)}", e);
        }

        var r = new Reader(root, layers, fileLayer, envLayer, flagLayer, env);
        return new ConfigLoadResult(r.Resolve(fileExists ? path : null), rest);
    }

    /// <summary>The process environment as the dictionary <see cref="Load(IReadOnlyList{string}, IReadOnlyDictionary{string, string?}, string?)"/> takes.</summary>
    public static IReadOnlyDictionary<string, string?> ProcessEnvironment() => EnvironmentLayer.Process();

    /// <summary>Flag help lines, for usage texts.</summary>
    public static IEnumerable<string> FlagHelp() => CommandLineLayer.HelpLines();

    private static string Flatten(Exception e)
    {
        var parts = new List<string>();
        for (Exception? x = e; x is not null; x = x.InnerException) parts.Add(x.Message.TrimEnd('.'));
        return string.Join(": ", parts.Distinct());
    }

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$")]
    private static partial Regex NameRule();

    /// <summary>Reads typed, validated values out of the layered configuration.</summary>
    private sealed class Reader(IConfigurationRoot root, List<Func<string, string>> layers, int fileLayer,
        int envLayer, int flagLayer, IReadOnlyDictionary<string, string?> env)
    {
        private string _profile = ConfigDefaults.ProfileName;
        private IConfigurationSection? _profileSection;

        public BatchTuiOptions Resolve(string? file)
        {
            _profile = root[ConfigKeys.Profile] is { Length: > 0 } p ? p.Trim() : ConfigDefaults.ProfileName;
            var profiles = root.GetSection(ConfigKeys.Profiles).GetChildren().Select(s => s.Key).ToList();
            var section = root.GetSection($"{ConfigKeys.Profiles}:{_profile}");
            if (section.Exists()) _profileSection = section;
            else if (_profile != ConfigDefaults.ProfileName)
                throw new ConfigException($"profile '{_profile}' (from {Origin(ConfigKeys.Profile)}) is not defined" +
                    (file is null ? " (no config file found)" : $" in {file}") +
                    (profiles.Count > 0 ? $"; defined: {string.Join(", ", profiles)}" : ""));

            var (key, keySource) = ResolveKey();
            return new BatchTuiOptions
            {
                ProfileName = _profile,
                ApiKey = key,
                KeySource = keySource,
                BaseUrlOverride = BaseUrl(),
                Betas = Betas(),
                ReadOnly = Bool(ConfigKeys.ReadOnly) || ProfileBool(ConfigKeys.ReadOnly),
                Workspace = ProfileValue(ConfigKeys.Workspace),
                Theme = Name(ConfigKeys.Theme),
                PageSize = Int(ConfigKeys.PageSize, 1, 1000),
                RefreshSeconds = Int(ConfigKeys.RefreshSeconds, 0, 3600),
                MaxRetries = Int(ConfigKeys.MaxRetries, 0, 10),
                Timeout = TimeSpan.FromSeconds(Int(ConfigKeys.TimeoutSeconds, 1, 3600)),
                Demo = Bool(ConfigKeys.Demo),
                Notify = Notify(),
                Prices = PriceTable.Default.With(PriceConfig.Read(root.GetSection(ConfigKeys.Prices), file ?? "the config")),
                ConfigFile = file,
                Profiles = profiles,
            };
        }

        private string Origin(string key)
        {
            for (int i = layers.Count - 1; i >= 0; i--)
                if (root.Providers.ElementAt(i).TryGet(key, out var v) && v is not null) return layers[i](key);
            return "nowhere";
        }

        private string ProfileOrigin(string key) => layers[fileLayer]($"{ConfigKeys.Profiles}:{_profile}:{key}");

        private bool InLayer(int layer, string key) =>
            layer >= 0 && root.Providers.ElementAt(layer).TryGet(key, out var v) && v is not null;

        private string? ProfileValue(string key) => _profileSection?[key] is { Length: > 0 } v ? v.Trim() : null;

        /// <summary>Flags beat the profile, which beats the top-level file and environment values.</summary>
        private (string? Value, string Origin) Connection(string key)
        {
            if (InLayer(flagLayer, key)) return (root[key], Origin(key));
            if (ProfileValue(key) is { } pv) return (pv, ProfileOrigin(key));
            return (root[key], Origin(key));
        }

        private (ApiKey?, string?) ResolveKey()
        {
            if (InLayer(flagLayer, ConfigKeys.ApiKeyEnv)) return FromEnv(root[ConfigKeys.ApiKeyEnv]!, Origin(ConfigKeys.ApiKeyEnv));
            string? pKey = ProfileValue(ConfigKeys.ApiKey), pEnv = ProfileValue(ConfigKeys.ApiKeyEnv);
            if (pKey is not null && pEnv is not null)
                throw new ConfigException($"profile '{_profile}' sets both apiKey and apiKeyEnv; keep one");
            if (pEnv is not null) return FromEnv(pEnv, ProfileOrigin(ConfigKeys.ApiKeyEnv));
            if (pKey is not null) return (new ApiKey(pKey), $"profile {_profile} in the config file");
            // Top level: whichever of apiKey / apiKeyEnv comes from the higher layer.
            foreach (int layer in new[] { envLayer, fileLayer })
            {
                if (InLayer(layer, ConfigKeys.ApiKey)) return (ApiKey.FromOptional(root.Providers.ElementAt(layer).TryGet(ConfigKeys.ApiKey, out var k) ? k : null), layers[layer](ConfigKeys.ApiKey));
                if (InLayer(layer, ConfigKeys.ApiKeyEnv))
                {
                    root.Providers.ElementAt(layer).TryGet(ConfigKeys.ApiKeyEnv, out var name);
                    return FromEnv(name!, layers[layer](ConfigKeys.ApiKeyEnv));
                }
            }
            return (null, null);
        }

        private (ApiKey?, string?) FromEnv(string variable, string origin)
        {
            variable = variable.Trim();
            if (env.GetValueOrDefault(variable) is { } v && !string.IsNullOrWhiteSpace(v))
                return (new ApiKey(v), _profileSection is null ? variable : $"{variable} (profile {_profile})");
            throw new ConfigException($"the API key should come from environment variable {variable} ({origin}), but it is not set")
            {
                MissingKeyVariable = variable,
            };
        }

        private Uri? BaseUrl()
        {
            var (value, origin) = Connection(ConfigKeys.BaseUrl);
            if (string.IsNullOrWhiteSpace(value)) return null;
            if (!Uri.TryCreate(value.Trim(), UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https")
                || !string.IsNullOrEmpty(uri.Query))
                throw new ConfigException($"baseUrl '{value}' (from {origin}) is not an absolute http:// or https:// URL");
            return uri;
        }

        private IReadOnlyList<string> Betas()
        {
            List<string> list;
            if (InLayer(flagLayer, ConfigKeys.Betas)) list = CommandLineLayer.SplitList(root[ConfigKeys.Betas]!).ToList();
            else if (_profileSection?.GetSection(ConfigKeys.Betas) is { } ps && ps.Exists()) list = ListOf(ps);
            else list = HighestList(ConfigKeys.Betas);
            foreach (string b in list)
                if (!NameRule().IsMatch(b))
                    throw new ConfigException($"beta '{b}' (from {Origin(ConfigKeys.Betas)}) is not a valid anthropic-beta value");
            return list.Distinct(StringComparer.Ordinal).ToList();
        }

        private static List<string> ListOf(IConfigurationSection s) =>
            s.Value is { } v ? CommandLineLayer.SplitList(v).ToList()
                : s.GetChildren().Select(c => c.Value?.Trim()).OfType<string>().Where(x => x.Length > 0).ToList();

        /// <summary>A list replaces, never merges with, one from a lower layer (JSON arrays are indexed keys).</summary>
        private List<string> HighestList(string key)
        {
            for (int i = layers.Count - 1; i >= 0; i--)
            {
                var p = root.Providers.ElementAt(i);
                if (p.TryGet(key, out var v) && v is not null) return CommandLineLayer.SplitList(v).ToList();
                var children = p.GetChildKeys([], key).Distinct().ToList();
                if (children.Count > 0)
                    return children.Select(c => p.TryGet($"{key}:{c}", out var cv) ? cv?.Trim() : null)
                        .OfType<string>().Where(x => x.Length > 0).ToList();
            }
            return [];
        }

        private int Int(string key, int min, int max)
        {
            string? raw = root[key];
            if (!int.TryParse(raw?.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out int n))
                throw new ConfigException($"{key} '{raw}' (from {Origin(key)}) is not a whole number");
            if (n < min || n > max)
                throw new ConfigException($"{key} {n} (from {Origin(key)}) must be between {min} and {max}");
            return n;
        }

        private bool Bool(string key) => ParseBool(root[key], key, Origin(key));

        private bool ProfileBool(string key) =>
            ProfileValue(key) is { } v && ParseBool(v, key, ProfileOrigin(key));

        private static bool ParseBool(string? raw, string key, string origin) => raw?.Trim().ToLowerInvariant() switch
        {
            null or "" => false,
            "true" or "1" or "yes" or "on" => true,
            "false" or "0" or "no" or "off" => false,
            _ => throw new ConfigException($"{key} '{raw}' (from {origin}) is not true or false"),
        };

        private NotifyMode Notify()
        {
            string raw = root[ConfigKeys.Notify]?.Trim() ?? "";
            return raw.ToLowerInvariant() switch
            {
                "" or "both" => NotifyMode.Both,
                "bell" => NotifyMode.Bell,
                "terminal" => NotifyMode.Terminal,
                "off" => NotifyMode.Off,
                _ => throw new ConfigException($"notify '{raw}' (from {Origin(ConfigKeys.Notify)}) is not bell, terminal, both or off"),
            };
        }

        private string Name(string key)
        {
            string raw = root[key]?.Trim() ?? "";
            if (!NameRule().IsMatch(raw))
                throw new ConfigException($"{key} '{raw}' (from {Origin(key)}) is not a valid name (letters, digits, - _ .)");
            return raw;
        }
    }
}
