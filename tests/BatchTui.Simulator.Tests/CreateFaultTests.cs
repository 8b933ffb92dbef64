namespace BatchTui.Simulator.Tests;

/// <summary>Creates accepted and then failed: the batch exists although the answer says otherwise; other calls are untouched.</summary>
public sealed class CreateFaultTests : IAsyncLifetime
{
    private SimHost _sim = null!;

    public async Task InitializeAsync() => _sim = await SimHost.StartAsync(seedWorld: false);

    public async Task DisposeAsync() => await _sim.DisposeAsync();

    private Task<(HttpResponseMessage Response, System.Text.Json.JsonElement Json)> Create() =>
        _sim.SendAsync(HttpMethod.Post, "/v1/messages/batches", SimHost.CreateBody([("a", "claude-haiku-4-5")]));

    [Fact]
    public async Task Accepted_then_500_keeps_the_batch_and_answers_the_error_envelope()
    {
        _sim.Server.Chaos.AcceptThenFailNextCreates(1, CreateFault.ServerError);
        var (get, _) = await _sim.GetAsync("/v1/messages/batches"); // not a create: unaffected, and the fault waits
        Assert.Equal(200, (int)get.StatusCode);

        var (response, json) = await Create();
        ApiAssert.Error(response, json, 500, "api_error");
        Assert.Single(await _sim.AllIdsAsync());

        await _sim.CreateAsync(("b", "claude-haiku-4-5")); // the next create is answered normally
        Assert.Equal(2, (await _sim.AllIdsAsync()).Count);
    }

    [Fact]
    public async Task Accepted_then_dropped_keeps_the_batch_and_sends_no_response()
    {
        _sim.Server.Chaos.AcceptThenFailNextCreates(1, CreateFault.Drop);
        await Assert.ThrowsAnyAsync<HttpRequestException>(Create);
        Assert.Single(await _sim.AllIdsAsync());
    }

    [Fact]
    public async Task The_rate_applies_to_creates_only_and_reset_clears_it()
    {
        _sim.Server.Chaos.AcceptedThenFailRate = 1;
        try
        {
            Assert.Equal(500, (int)(await Create()).Response.StatusCode);
        }
        catch (HttpRequestException)
        {
            // the other half: dropped
        }
        Assert.Single(await _sim.AllIdsAsync()); // accepted either way, and the list was answered

        _sim.Server.Chaos.AcceptThenFailNextCreates(3, CreateFault.ServerError);
        _sim.Server.Chaos.Reset();
        Assert.Equal(0, _sim.Server.Chaos.AcceptedThenFailRate);
        await _sim.CreateAsync(("c", "claude-haiku-4-5"));
        Assert.Equal(2, (await _sim.AllIdsAsync()).Count);
    }
}
