namespace BatchTui.Core.Config;

/// <summary>One profile as a picker lists it: where it points and, when it cannot be used, why.</summary>
/// <param name="Options">The options it resolves to (null when it cannot be used).</param>
/// <param name="Unusable">Why switching to it would fail ("no API key: set WORK_KEY"); null when it can be used.</param>
public sealed record ProfileSummary(string Name, BatchTuiOptions? Options, string? Unusable)
{
    /// <summary>"simulator" for demo mode, else the base URL.</summary>
    public string Where => Options is null ? "" : Options.UseSimulator ? "simulator" : Options.BaseUrl.ToString().TrimEnd('/');
}
