namespace BatchTui.Simulator;

/// <summary>How a <see cref="SimulatorServer"/> starts. Everything it serves is deterministic from <see cref="Seed"/>
/// and the clock.</summary>
public sealed class SimulatorOptions
{
    /// <summary>TCP port on 127.0.0.1; 0 picks a random free port.</summary>
    public int Port { get; init; }

    /// <summary>null = open (no auth). Otherwise <c>x-api-key</c> or <c>Authorization: Bearer</c> must match.</summary>
    public string? ApiKey { get; init; }

    public int Seed { get; init; } = 1;

    /// <summary>Virtual seconds per real second; a demo uses e.g. 60 so a new batch ends in seconds.</summary>
    public double Speed { get; init; } = 1.0;

    /// <summary>The real clock the virtual clock runs on (tests pass a FakeTimeProvider). Chaos latency uses it too.</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>Start with ~60 batches in every state.</summary>
    public bool SeedWorld { get; init; } = true;

    /// <summary>Include the seeded ended batch of 100,000 requests (only with <see cref="SeedWorld"/>).</summary>
    public bool IncludeLargeBatch { get; init; } = true;

    /// <summary>Virtual processing time of a batch created through the API; null = by size
    /// (1 minute + 1 second per request, at most 6 hours).</summary>
    public TimeSpan? CreatedBatchDuration { get; init; }

    /// <summary>Virtual time a cancel takes to finalize (canceling → ended).</summary>
    public TimeSpan CancelDelay { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Share of requests in a created batch that come back errored (deterministic per request).</summary>
    public double CreatedErrorRate { get; init; } = 0.05;

    /// <summary>When set, one line per request (method, path, status, duration, request-id; never headers).</summary>
    public Action<string>? RequestLog { get; init; }
}
