namespace BatchTui.Simulator.Engine;

/// <summary>SplitMix64 hashing: every random choice is a pure function of (seed, what, index), so line i of a
/// results file can be produced on its own without generating lines 0..i-1.</summary>
internal static class Hash
{
    public static ulong Mix(ulong x)
    {
        x += 0x9E3779B97F4A7C15UL;
        x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9UL;
        x = (x ^ (x >> 27)) * 0x94D049BB133111EBUL;
        return x ^ (x >> 31);
    }

    public static ulong Of(ulong a, ulong b) => Mix(a ^ Mix(b));

    public static ulong Of(ulong a, ulong b, ulong c) => Mix(Of(a, b) ^ Mix(c + 0x51ED27UL));

    /// <summary>Uniform in [0, 1).</summary>
    public static double Unit(ulong h) => (h >> 11) * (1.0 / (1UL << 53));

    public static ulong OfString(string s)
    {
        ulong h = 1469598103934665603UL; // FNV-1a, then mixed
        foreach (char c in s) h = (h ^ c) * 1099511628211UL;
        return Mix(h);
    }
}

/// <summary>A small deterministic generator (SplitMix64 stream) for building one value.</summary>
internal struct Rng(ulong seed)
{
    private ulong _state = seed;

    public ulong Next() => Hash.Mix(_state += 0x9E3779B97F4A7C15UL);

    public int Int(int maxExclusive) => maxExclusive <= 1 ? 0 : (int)(Next() % (ulong)maxExclusive);

    public int Int(int min, int maxInclusive) => min + Int(maxInclusive - min + 1);

    public double Double() => Hash.Unit(Next());

    public bool Chance(double p) => Double() < p;

    public T Pick<T>(IReadOnlyList<T> items) => items[Int(items.Count)];

    private const string Alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

    /// <summary>prefix + n base62 characters, like the API's opaque ids.</summary>
    public string Id(string prefix, int n = 24)
    {
        Span<char> chars = stackalloc char[prefix.Length + n];
        prefix.AsSpan().CopyTo(chars);
        for (int i = prefix.Length; i < chars.Length; i++) chars[i] = Alphabet[Int(Alphabet.Length)];
        return new string(chars);
    }
}
