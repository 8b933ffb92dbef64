using BatchTui.Core.Api;
using BatchTui.Tests.Support;
using System.Diagnostics;
using Xunit.Abstractions;

namespace BatchTui.Tests.Cli;

/// <summary>
/// <c>batchtui results</c> over the seeded 100,000-request batch, as its own process: unfiltered it is the API's body
/// byte for byte (first through the download, then from the cache), and its peak memory is logged (not asserted:
/// a figure for the note; it must not grow with the file, see the README).
/// </summary>
public sealed class LargeResultsTests(ITestOutputHelper output) : IAsyncLifetime
{
    private CliWorld _w = null!;

    public async Task InitializeAsync() => _w = await CliWorld.StartAsync(seedWorld: true, large: true);
    public async Task DisposeAsync() => await _w.DisposeAsync();

    [Fact]
    public async Task The_100000_results_are_byte_identical_to_the_api_stream_in_flat_memory()
    {
        MessageBatch big = (await _w.Api.AllBatchesAsync()).Single(b => b.Counts.Total == 100_000);
        string apiCopy = Path.Combine(_w.Home, "api.jsonl");
        await using (Stream s = await _w.Api.OpenResultsAsync(big.Id))
        await using (var f = File.Create(apiCopy))
            await s.CopyToAsync(f);

        foreach (string pass in new[] { "download", "cache" })
        {
            long peak = 0;
            CliRun r = await _w.RunProcess(["results", big.Id], whileRunning: p => peak = PeakWhileRunning(p));
            Assert.True(r.Code == 0, r.Err);
            Assert.Equal(new FileInfo(apiCopy).Length, r.OutBytes.LongLength);
            Assert.True(File.ReadAllBytes(apiCopy).AsSpan().SequenceEqual(r.OutBytes), "stdout differs from the API's body");
            output.WriteLine($"{pass}: {r.OutBytes.LongLength:N0} bytes, 100,000 lines, peak RSS {peak / 1024:N0} MB (VmHWM)");
        }

        CliRun filtered = await _w.RunProcess(["results", big.Id, "--type", "errored", "--format", "csv", "-o", Path.Combine(_w.Home, "errored.csv")]);
        Assert.Equal(0, filtered.Code);
        Assert.Contains($"{big.Counts.Errored:N0} of 100,000 results (type=errored) written to", filtered.Err);
    }

    // The kernel's high-water mark of the process's resident set, read until it exits.
    private static long PeakWhileRunning(Process p)
    {
        long peak = 0;
        var t = new Thread(() =>
        {
            while (!p.HasExited)
            {
                try
                {
                    foreach (string line in File.ReadLines($"/proc/{p.Id}/status"))
                        if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                            peak = Math.Max(peak, long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]));
                }
                catch (IOException) { }
                Thread.Sleep(20);
            }
        });
        t.Start();
        p.WaitForExit();
        t.Join();
        return peak;
    }
}
