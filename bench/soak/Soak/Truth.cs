using BatchTui.Core.Api;
using BatchTui.Simulator;

namespace Soak;

/// <summary>What really exists on the server, asked with chaos switched off for the question (the soak runs one
/// action at a time, so nothing else is in flight meanwhile).</summary>
internal sealed class Truth(SimulatorServer sim, IBatchesApi api, double chaos)
{
    public int Count => sim.BatchCount;

    public async Task<string> NewestIdAsync()
    {
        sim.Chaos.RandomFailureRate = 0;
        try
        {
            return (await api.ListAsync(new PageRequest(1))).Data[0].Id;
        }
        finally
        {
            sim.Chaos.RandomFailureRate = chaos;
        }
    }

    /// <summary>Every batch id, newest first, duplicates kept (so they can be seen).</summary>
    public async Task<List<string>> AllAsync()
    {
        double was = sim.Chaos.RandomFailureRate;
        sim.Chaos.RandomFailureRate = 0;
        try
        {
            var all = new List<string>();
            string? after = null;
            while (true)
            {
                BatchPage page = await api.ListAsync(new PageRequest(1000, AfterId: after));
                all.AddRange(page.Data.Select(b => b.Id));
                if (!page.HasMore) return all;
                after = page.LastId;
            }
        }
        finally
        {
            sim.Chaos.RandomFailureRate = was;
        }
    }

    public async Task<HashSet<string>> AllIdsAsync() => [.. await AllAsync()];
}
