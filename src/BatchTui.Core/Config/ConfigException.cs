namespace BatchTui.Core.Config;

/// <summary>A setting that cannot be used; the message names the setting, the value and where it came from.</summary>
public sealed class ConfigException(string message, Exception? inner = null) : Exception(message, inner);
