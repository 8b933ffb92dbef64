namespace BatchTui.Core.Results.Index;

/// <summary>Entry points for the benchmark's per-stage timing (bench/results); not used by the app.</summary>
public static class ProbeHooks
{
    public static bool Fast(ReadOnlySpan<byte> line, StringPool pool)
    {
        LineScan scan = default;
        return FastLineScanner.TryScan(line, pool, ref scan);
    }

    public static void Precise(ReadOnlySpan<byte> line, StringPool pool)
    {
        LineScan scan = default;
        LineScanner.ScanPrecisely(line, pool, ref scan);
    }
}
