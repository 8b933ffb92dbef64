namespace BatchTui.Tui.Shell;

/// <summary>What the header says about the connection, and whether dangerous actions are removed.</summary>
public sealed record ShellInfo(string ProfileName, Uri BaseUrl, bool IsSimulator, bool ReadOnly);
