namespace BatchTui.Core.Config;

/// <summary>
/// The names of every setting as they appear in <c>config.json</c> (Microsoft.Extensions.Configuration keys are
/// case-insensitive, so <c>PageSize</c> works too).
/// </summary>
public static class ConfigKeys
{
    public const string Profile = "profile";
    public const string Profiles = "profiles";
    public const string ApiKey = "apiKey";
    public const string ApiKeyEnv = "apiKeyEnv";
    public const string BaseUrl = "baseUrl";
    public const string Betas = "betas";
    public const string ReadOnly = "readOnly";
    public const string Theme = "theme";
    public const string PageSize = "pageSize";
    public const string RefreshSeconds = "refreshSeconds";
    public const string MaxRetries = "maxRetries";
    public const string TimeoutSeconds = "timeoutSeconds";
    public const string Demo = "demo";
    public const string Notify = "notify";
    /// <summary>A profile's workspace name, shown in the header and the profile picker (the API does not say which
    /// workspace a key belongs to; profile only).</summary>
    public const string Workspace = "workspace";
    public const string Config = "config";
    /// <summary>Per-model prices for the cost estimate: <c>"prices": {"MODEL": {"input": 3, "output": 15, "cacheWrite": 3.75, "cacheRead": 0.3}}</c> (file only).</summary>
    public const string Prices = "prices";

    /// <summary>Keys a profile may set; they beat the top-level file and environment values, but not flags.</summary>
    public static readonly string[] ProfileKeys = [ApiKey, ApiKeyEnv, BaseUrl, Betas, ReadOnly, Workspace];

    public static readonly string[] TopLevel =
        [Profile, ApiKey, ApiKeyEnv, BaseUrl, Betas, ReadOnly, Theme, PageSize, RefreshSeconds, MaxRetries, TimeoutSeconds, Demo, Config, Notify];
}
