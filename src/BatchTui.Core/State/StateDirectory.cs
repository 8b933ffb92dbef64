namespace BatchTui.Core.State;

/// <summary>
/// Where the app keeps what it must not lose: <c>$XDG_STATE_HOME/batchtui</c>, or <c>~/.local/state/batchtui</c>
/// when the variable is unset or not absolute (as the XDG spec says to ignore relative paths).
/// </summary>
public static class StateDirectory
{
    public static string Resolve(Func<string, string?>? env = null)
    {
        env ??= Environment.GetEnvironmentVariable;
        string? xdg = env("XDG_STATE_HOME");
        if (!string.IsNullOrEmpty(xdg) && Path.IsPathRooted(xdg)) return Path.Combine(xdg, "batchtui");
        string home = env("HOME") is { Length: > 0 } h ? h : Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        return Path.Combine(home, ".local", "state", "batchtui");
    }

    public static string Drafts(string stateDir) => Path.Combine(stateDir, "drafts");
    public static string Journal(string stateDir) => Path.Combine(stateDir, "journal");

    /// <summary>Creates the directory readable by its owner only: drafts hold prompts.</summary>
    public static void Ensure(string dir)
    {
        if (Directory.Exists(dir)) return;
        if (OperatingSystem.IsWindows()) Directory.CreateDirectory(dir);
        else Directory.CreateDirectory(dir, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }
}
