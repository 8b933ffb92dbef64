using BatchTui.Simulator;
using Microsoft.Extensions.Time.Testing;

namespace BatchTui.Tests.Hosting;

/// <summary>Demo-simulator options for tests: a frozen clock and no 100,000-request batch, so listings are stable.</summary>
internal static class DemoSimulator
{
    public static Func<string, SimulatorOptions> Frozen() => key => new SimulatorOptions
    {
        Port = 0,
        ApiKey = key,
        Time = new FakeTimeProvider(new DateTimeOffset(2026, 12, 2, 8, 0, 0, TimeSpan.Zero)),
        IncludeLargeBatch = false,
    };
}
