namespace BatchTui.Core.Config;

/// <summary>The built-in defaults, the lowest layer of configuration.</summary>
public static class ConfigDefaults
{
    public const string ProfileName = "default";
    public const string Theme = "dark";
    public const int PageSize = 50;
    public const int RefreshSeconds = 5;
    public const int MaxRetries = 4;
    public const int TimeoutSeconds = 60;

    public static IReadOnlyDictionary<string, string?> AsLayer() => new Dictionary<string, string?>
    {
        [ConfigKeys.Profile] = ProfileName,
        [ConfigKeys.Theme] = Theme,
        [ConfigKeys.PageSize] = PageSize.ToString(),
        [ConfigKeys.RefreshSeconds] = RefreshSeconds.ToString(),
        [ConfigKeys.MaxRetries] = MaxRetries.ToString(),
        [ConfigKeys.TimeoutSeconds] = TimeoutSeconds.ToString(),
        [ConfigKeys.ReadOnly] = "false",
        [ConfigKeys.Demo] = "false",
        [ConfigKeys.Notify] = "both",
    };
}
