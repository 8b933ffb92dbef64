namespace BatchTui.Core.Api;

/// <summary>
/// One retry about to happen: which attempt comes next, why (HTTP status, or null for a dropped connection or
/// timeout) and how long the client waits first. Raised by the client so a status line can say "retrying in 2s".
/// </summary>
public sealed record RetryEvent(int Attempt, string Method, string Path, int? Status, string Reason, TimeSpan Delay);
