using BatchTui.Core.Api;
using BatchTui.Tests.Support;
using Xunit.Abstractions;

namespace BatchTui.Tests.Views;

public class DebugTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Debug()
    {
        await using World w = await World.StartAsync();
        output.WriteLine("started " + w.Sim.BaseUrl);
        var page = await w.Api.ListAsync(new PageRequest(5)).WaitAsync(TimeSpan.FromSeconds(10));
        output.WriteLine("listed " + page.Data.Count);
        var all = await w.AllBatchesAsync().WaitAsync(TimeSpan.FromSeconds(10));
        output.WriteLine("all " + all.Count);
    }
}
public class DebugTests2(ITestOutputHelper output)
{
    [Fact]
    public async Task Debug2()
    {
        await using World w = await World.StartAsync();
        using var t = TuiDriver.Start(w.Api, w.Time);
        output.WriteLine("ctx " + t.SyncContextAfterInit);
        var all = await w.AllBatchesAsync().WaitAsync(TimeSpan.FromSeconds(10));
        output.WriteLine(t.Screen());
    }
}
