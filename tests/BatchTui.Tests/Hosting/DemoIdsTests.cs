using BatchTui.Core.Api;
using BatchTui.Core.Config;
using BatchTui.Hosting;

namespace BatchTui.Tests.Hosting;

/// <summary>Demo mode hands out batch ids that no other demo session had, so a cache keyed by id cannot mix them up.</summary>
public sealed class DemoIdsTests
{
    private static BatchTuiOptions Options() =>
        ConfigLoader.Load(["--demo"], new Dictionary<string, string?>(), Path.Combine(Path.GetTempPath(), "batchtui-no-such-dir", "config.json")).Options;

    [Fact]
    public async Task Two_demo_sessions_never_share_a_batch_id()
    {
        async Task<(List<string> Ids, string Created)> SessionAsync()
        {
            await using var demo = await ApiConnection.OpenAsync(Options(), CancellationToken.None);
            Assert.True(demo.IsSimulator);
            var ids = (await demo.Api.ListAsync(new PageRequest(100))).Data.Select(b => b.Id).ToList();
            var created = await demo.Api.CreateAsync(new BatchCreateRequest(
                [new BatchRequestItem("q1", System.Text.Json.JsonDocument.Parse("""{"model":"claude-sonnet-4-6","max_tokens":8,"messages":[{"role":"user","content":"hi"}]}""").RootElement)]));
            return (ids, created.Id);
        }

        var first = await SessionAsync();
        var second = await SessionAsync();
        Assert.True(first.Ids.Count > 50);
        Assert.Equal(first.Ids.Count, second.Ids.Count); // the same world...
        Assert.Empty(first.Ids.Intersect(second.Ids));   // ...under other ids
        Assert.NotEqual(first.Created, second.Created);
    }
}
