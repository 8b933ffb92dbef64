using System.Security.Cryptography;

namespace BatchTui.Simulator.Engine;

/// <summary>The state one server holds: options, the virtual clock, the batches, chaos and the id counter.</summary>
internal sealed class SimulatorWorld
{
    private long _requests;

    /// <summary>0: batch ids as seeded. Otherwise drawn once per server (<see cref="SimulatorOptions.FreshIds"/>).</summary>
    private readonly ulong _idNonce;

    public SimulatorWorld(SimulatorOptions options, ChaosSettings chaos)
    {
        Options = options;
        Chaos = chaos;
        Clock = new VirtualClock(options.Time, options.Speed);
        _idNonce = options.FreshIds ? BitConverter.ToUInt64(RandomNumberGenerator.GetBytes(8)) | 1 : 0;
        if (options.SeedWorld) WorldSeeder.Seed(Store, Clock.Start, options.Seed, options.IncludeLargeBatch, BatchId);
        if (options.Hostile) HostileSeeder.Seed(Store, Clock.Start, options.Seed, BatchId);
    }

    public SimulatorOptions Options { get; }
    public ChaosSettings Chaos { get; }
    public VirtualClock Clock { get; }
    public BatchStore Store { get; } = new();

    /// <summary>The id served for a batch whose seeded id is <paramref name="seeded"/>: the same, or with
    /// <see cref="SimulatorOptions.FreshIds"/> one that mixes in this server's nonce, so no two runs share an id.</summary>
    public string BatchId(string seeded) =>
        _idNonce == 0 ? seeded : new Rng(Hash.Of(_idNonce, Hash.OfString(seeded))).Id("msgbatch_01", 22);

    public string NextRequestId()
    {
        long n = Interlocked.Increment(ref _requests);
        return new Rng(Hash.Of((ulong)Options.Seed, 0x4E0, (ulong)n)).Id("req_011C", 20);
    }
}
