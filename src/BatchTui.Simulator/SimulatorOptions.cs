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

    /// <summary>false (default): every result shape is served whatever the namespace, so the demo shows them all.
    /// true: requests without an <c>anthropic-beta</c> header or <c>?beta=true</c> get only shapes the non-beta API
    /// documents (no mcp_tool_use / mcp_tool_result / compaction blocks, no compaction or
    /// model_context_window_exceeded stop, no usage.iterations / speed, context_management or container.skills), as
    /// the real API would; beta requests still get everything.</summary>
    public bool StrictNamespaces { get; init; }

    /// <summary>true: batch ids mix in a random value drawn once per server, so two runs (two demo sessions) never
    /// hand out the same id; all else stays deterministic from <see cref="Seed"/>. false (default, tests): ids too
    /// depend only on the seed.</summary>
    public bool FreshIds { get; init; }

    /// <summary>A misbehaving server (<c>simulate --hostile</c>): also serve batches with odd ids (<c>../x</c>,
    /// <c>a/b</c>, 10,000 characters, ESC, NUL, RTL text, <c>$(…)</c>), batch objects malformed one way each (a field
    /// of the wrong type, counts whose sum overflows, missing optional fields, an unknown status, dates in year 1 and
    /// year 10000), and results with content blocks of unknown types.</summary>
    public bool Hostile { get; init; }

    /// <summary>When set, one line per request (method, path, status, duration, request-id; never headers).</summary>
    public Action<string>? RequestLog { get; init; }
}
