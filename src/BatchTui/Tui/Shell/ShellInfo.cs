namespace BatchTui.Tui.Shell;

/// <summary>What the header says about the connection, and whether dangerous actions are removed.</summary>
/// <param name="File">Browsing a local file (<c>open FILE</c>): the header names it instead of the API origin, there
/// is no batch list under the first pane, and Esc there quits.</param>
public sealed record ShellInfo(string ProfileName, Uri BaseUrl, bool IsSimulator, bool ReadOnly, string? File = null)
{
    /// <summary>The profile's configured workspace name, after the profile in the header; null: not known.</summary>
    public string? Workspace { get; init; }

    /// <summary><c>open FILE</c>: no API at all, so nothing can change a server.</summary>
    public static ShellInfo ForFile(string name) => new("", new Uri("file:///"), false, ReadOnly: true, name);
}
