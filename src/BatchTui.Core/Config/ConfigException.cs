namespace BatchTui.Core.Config;

/// <summary>A setting that cannot be used; the message names the setting, the value and where it came from.</summary>
public sealed class ConfigException(string message, Exception? inner = null) : Exception(message, inner)
{
    /// <summary>Set when the only problem is a key that should come from this (unset) environment variable.</summary>
    public string? MissingKeyVariable { get; init; }
}
