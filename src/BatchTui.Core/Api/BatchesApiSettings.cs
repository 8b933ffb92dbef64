namespace BatchTui.Core.Api;

/// <summary>
/// How to reach the Message Batches API: where, with which key and betas, and how patiently. Non-empty
/// <see cref="Betas"/> switch the client to the beta namespace and are sent as <c>anthropic-beta</c>.
/// </summary>
public sealed record BatchesApiSettings
{
    public static readonly Uri DefaultBaseUrl = new("https://api.anthropic.com");

    public Uri BaseUrl { get; init; } = DefaultBaseUrl;
    public ApiKey? ApiKey { get; init; }
    public IReadOnlyList<string> Betas { get; init; } = [];

    /// <summary>Retries after the first attempt for 408/409/429/5xx/529 and dropped connections.</summary>
    public int MaxRetries { get; init; } = 4;

    /// <summary>How long one attempt may wait for the response headers (a results body may stream for longer).</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>The clock for timeouts and, unless <see cref="Delay"/> is set, for retry back-off.</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>Waits between retries; tests replace it to record delays instead of waiting.</summary>
    public Func<TimeSpan, CancellationToken, Task>? Delay { get; init; }

    /// <summary>A number in [0, 1) for jitter; tests pin it.</summary>
    public Func<double> Jitter { get; init; } = Random.Shared.NextDouble;

    /// <summary>The innermost handler (the socket handler by default); tests put a spy or fault injector here.</summary>
    public Func<HttpMessageHandler>? InnerHandler { get; init; }

    public bool UsesBeta => Betas.Count > 0;

    // The generated record ToString would print the delegates; this one says what matters (and the key is redacted).
    public override string ToString() =>
        $"BatchesApiSettings {{ BaseUrl = {BaseUrl}, ApiKey = {(ApiKey is null ? "none" : ApiKey.Redacted)}, " +
        $"Betas = [{string.Join(", ", Betas)}], MaxRetries = {MaxRetries}, Timeout = {Timeout.TotalSeconds}s }}";
}
