using BatchTui.Core.Api;

namespace BatchTui.Core.Config;

/// <summary>
/// Every setting the app runs with, resolved from defaults, the config file, the environment and the flags.
/// The key is an <see cref="Api.ApiKey"/>, redacted wherever this record is printed; <see cref="KeySource"/> says
/// where it came from without showing it.
/// </summary>
public sealed record BatchTuiOptions
{
    public string ProfileName { get; init; } = ConfigDefaults.ProfileName;
    public ApiKey? ApiKey { get; init; }

    /// <summary>Where the key came from, e.g. "ANTHROPIC_API_KEY" or "WORK_KEY (profile work)"; null when there is none.</summary>
    public string? KeySource { get; init; }

    /// <summary>Set only when a base URL was configured; null means the official API.</summary>
    public Uri? BaseUrlOverride { get; init; }

    public Uri BaseUrl => BaseUrlOverride ?? BatchesApiSettings.DefaultBaseUrl;
    public IReadOnlyList<string> Betas { get; init; } = [];
    public bool ReadOnly { get; init; }

    /// <summary>The profile's workspace name as configured (for display only); null when not set.</summary>
    public string? Workspace { get; init; }
    public string Theme { get; init; } = ConfigDefaults.Theme;
    public int PageSize { get; init; } = ConfigDefaults.PageSize;

    /// <summary>Seconds between automatic refreshes of the list; 0 turns it off.</summary>
    public int RefreshSeconds { get; init; } = ConfigDefaults.RefreshSeconds;

    public int MaxRetries { get; init; } = ConfigDefaults.MaxRetries;
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(ConfigDefaults.TimeoutSeconds);

    /// <summary>How the TUI says a watched batch ended (<c>notify</c>).</summary>
    public NotifyMode Notify { get; init; } = NotifyMode.Both;

    /// <summary>Prices for the stats pane's cost estimate: the shipped defaults with the config's <c>prices</c> over them.</summary>
    public PriceTable Prices { get; init; } = PriceTable.Default;

    /// <summary>Forced demo mode (<c>--demo</c>).</summary>
    public bool Demo { get; init; }

    /// <summary>The config file that was read, if one existed.</summary>
    public string? ConfigFile { get; init; }

    /// <summary>Every profile name defined in the config file.</summary>
    public IReadOnlyList<string> Profiles { get; init; } = [];

    /// <summary>
    /// Demo mode: asked for, or nothing to talk to (no key and no base URL of one's own, e.g. a local simulator).
    /// </summary>
    public bool UseSimulator => Demo || (ApiKey is null && BaseUrlOverride is null);

    public BatchesApiSettings ToApiSettings() => new()
    {
        BaseUrl = BaseUrl,
        ApiKey = ApiKey,
        Betas = Betas,
        MaxRetries = MaxRetries,
        Timeout = Timeout,
    };

    public override string ToString() =>
        $"profile {ProfileName}, {BaseUrl}, key {(ApiKey is null ? "none" : $"{ApiKey.Redacted} from {KeySource}")}" +
        (Betas.Count > 0 ? $", betas {string.Join(",", Betas)}" : "") +
        $", page size {PageSize}, refresh {RefreshSeconds}s, theme {Theme}" +
        (ReadOnly ? ", read-only" : "") + (Demo ? ", demo" : "") +
        $", retries {MaxRetries}, timeout {Timeout.TotalSeconds:0.#}s";
}
