namespace BatchTui.Simulator.Engine;

/// <summary>The state one server holds: options, the virtual clock, the batches, chaos and the id counter.</summary>
internal sealed class SimulatorWorld
{
    private long _requests;

    public SimulatorWorld(SimulatorOptions options, ChaosSettings chaos)
    {
        Options = options;
        Chaos = chaos;
        Clock = new VirtualClock(options.Time, options.Speed);
        if (options.SeedWorld) WorldSeeder.Seed(Store, Clock.Start, options.Seed, options.IncludeLargeBatch);
    }

    public SimulatorOptions Options { get; }
    public ChaosSettings Chaos { get; }
    public VirtualClock Clock { get; }
    public BatchStore Store { get; } = new();

    public string NextRequestId()
    {
        long n = Interlocked.Increment(ref _requests);
        return new Rng(Hash.Of((ulong)Options.Seed, 0x4E0, (ulong)n)).Id("req_011C", 20);
    }
}
