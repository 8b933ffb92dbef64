using System.Net.Http.Headers;

namespace BatchTui.Simulator.Tests;

/// <summary>With a key: x-api-key or Authorization: Bearer, any anthropic-version; without one, open.</summary>
public sealed class AuthTests : IAsyncLifetime
{
    private const string Key = "sk-ant-sim-test-key";
    private SimHost _sim = null!;

    public async Task InitializeAsync() => _sim = await SimHost.StartAsync(key: Key);

    public async Task DisposeAsync() => await _sim.DisposeAsync();

    [Fact]
    public async Task Missing_key_is_an_authentication_error()
    {
        var (response, json) = await _sim.GetAsync("/v1/messages/batches");
        ApiAssert.Error(response, json, 401, "authentication_error", "x-api-key");
    }

    [Theory]
    [InlineData("x-api-key", "wrong")]
    [InlineData("x-api-key", "sk-ant-sim-test-ke")]
    [InlineData("Authorization", "Bearer wrong")]
    [InlineData("Authorization", "Basic c2stYW50LXNpbS10ZXN0LWtleQ==")]
    public async Task Wrong_key_is_an_authentication_error(string header, string value)
    {
        var (response, json) = await _sim.SendAsync(HttpMethod.Get, "/v1/messages/batches",
            headers: h => h.TryAddWithoutValidation(header, value));
        ApiAssert.Error(response, json, 401, "authentication_error");
        Assert.DoesNotContain(Key, json.ToString());
    }

    [Theory]
    [InlineData("x-api-key", Key, "2023-06-01")]
    [InlineData("Authorization", "Bearer " + Key, "2026-10-21")]
    [InlineData("x-api-key", Key, null)]
    [InlineData("Authorization", "Bearer " + Key, null)]
    public async Task Either_header_with_any_version_is_accepted(string header, string value, string? version)
    {
        var (response, json) = await _sim.SendAsync(HttpMethod.Get, "/v1/messages/batches?limit=3", headers: h =>
        {
            h.TryAddWithoutValidation(header, value);
            if (version is not null) h.TryAddWithoutValidation("anthropic-version", version);
        });
        Assert.Equal(200, (int)response.StatusCode);
        Assert.Equal(3, json.GetProperty("data").GetArrayLength());
        ApiAssert.RequestId(response);
    }

    [Fact]
    public async Task Beta_header_and_query_are_accepted_and_change_nothing()
    {
        void Auth(HttpRequestHeaders h) => h.TryAddWithoutValidation("x-api-key", Key);
        var (plain, plainJson) = await _sim.SendAsync(HttpMethod.Get, "/v1/messages/batches?limit=5", headers: Auth);
        var (beta, betaJson) = await _sim.SendAsync(HttpMethod.Get, "/v1/messages/batches?limit=5&beta=true", headers: h =>
        {
            Auth(h);
            h.TryAddWithoutValidation("anthropic-beta", "message-batches-2024-09-24,files-api-2025-04-14");
        });
        Assert.Equal(200, (int)plain.StatusCode);
        Assert.Equal(200, (int)beta.StatusCode);
        Assert.Equal(plainJson.GetProperty("data").ToString(), betaJson.GetProperty("data").ToString());

        var created = await _sim.SendAsync(HttpMethod.Post, "/v1/messages/batches?beta=true",
            SimHost.CreateBody([("b-1", "claude-opus-4-8")]),
            h => { Auth(h); h.TryAddWithoutValidation("anthropic-beta", "message-batches-2024-09-24"); });
        Assert.Equal(200, (int)created.Response.StatusCode);
        Assert.Equal("in_progress", created.Json.Str("processing_status"));
    }

    [Fact]
    public async Task The_request_log_never_shows_the_key()
    {
        // A line is logged once its response is done, which can be just after the client has it: read, don't count.
        var channel = System.Threading.Channels.Channel.CreateUnbounded<string>();
        await using var server = await SimulatorServer.StartAsync(new SimulatorOptions
        {
            ApiKey = Key,
            SeedWorld = false,
            RequestLog = line => channel.Writer.TryWrite(line),
            Time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(SimHost.Epoch),
        });
        using var http = new HttpClient { BaseAddress = server.BaseUrl };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Key);
        Assert.True((await http.GetAsync("/v1/messages/batches")).IsSuccessStatusCode);
        using var wrong = new HttpRequestMessage(HttpMethod.Get, "/v1/messages/batches");
        wrong.Headers.TryAddWithoutValidation("x-api-key", Key + "x");
        Assert.Equal(401, (int)(await http.SendAsync(wrong)).StatusCode);

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var log = new List<string> { await channel.Reader.ReadAsync(timeout.Token), await channel.Reader.ReadAsync(timeout.Token) };
        Assert.Contains(log, l => l.StartsWith("GET /v1/messages/batches 200 ") && l.Contains("req_"));
        Assert.Contains(log, l => l.StartsWith("GET /v1/messages/batches 401 "));
        Assert.DoesNotContain(log, l => l.Contains(Key));
    }

    [Fact]
    public async Task An_open_server_needs_no_key()
    {
        await using var open = await SimHost.StartAsync(key: null);
        var (response, _) = await open.GetAsync("/v1/messages/batches");
        Assert.Equal(200, (int)response.StatusCode);
    }
}
