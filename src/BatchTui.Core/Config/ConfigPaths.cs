namespace BatchTui.Core.Config;

/// <summary>Where the config file lives: <c>$XDG_CONFIG_HOME/batchtui/config.json</c>, else <c>~/.config/batchtui/config.json</c>.</summary>
public static class ConfigPaths
{
    public static string DefaultFile(IReadOnlyDictionary<string, string?> env)
    {
        string? xdg = env.GetValueOrDefault("XDG_CONFIG_HOME");
        if (!string.IsNullOrWhiteSpace(xdg) && Path.IsPathRooted(xdg))
            return Path.Combine(xdg, "batchtui", "config.json");
        string? home = env.GetValueOrDefault("HOME");
        if (string.IsNullOrWhiteSpace(home)) home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        return Path.Combine(home, ".config", "batchtui", "config.json");
    }
}
