using BatchTui.Simulator;
using Microsoft.Extensions.Time.Testing;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace BatchTui.Simulator.Tests;

/// <summary>A simulator on 127.0.0.1:0 with a fake clock, and a plain HttpClient pointed at it.</summary>
internal sealed class SimHost : IAsyncDisposable
{
    public static readonly DateTimeOffset Epoch = new(2026, 12, 2, 8, 0, 0, TimeSpan.Zero);

    private SimHost(SimulatorServer server, FakeTimeProvider time)
    {
        Server = server;
        Time = time;
        Http = new HttpClient { BaseAddress = server.BaseUrl, Timeout = TimeSpan.FromSeconds(60) };
    }

    public SimulatorServer Server { get; }
    public FakeTimeProvider Time { get; }
    public HttpClient Http { get; }

    public static async Task<SimHost> StartAsync(bool seedWorld = true, bool large = false, string? key = null,
        int seed = 1, double speed = 1, TimeSpan? createdDuration = null, TimeSpan? cancelDelay = null,
        bool strictNamespaces = false, bool hostile = false, bool freshIds = false)
    {
        var time = new FakeTimeProvider(Epoch);
        var server = await SimulatorServer.StartAsync(new SimulatorOptions
        {
            Port = 0,
            ApiKey = key,
            Seed = seed,
            Speed = speed,
            Time = time,
            SeedWorld = seedWorld,
            IncludeLargeBatch = large,
            CreatedBatchDuration = createdDuration,
            CancelDelay = cancelDelay ?? TimeSpan.FromSeconds(30),
            StrictNamespaces = strictNamespaces,
            Hostile = hostile,
            FreshIds = freshIds,
        });
        return new SimHost(server, time);
    }

    public async Task<(HttpResponseMessage Response, JsonElement Json)> SendAsync(HttpMethod method, string path,
        string? body = null, Action<HttpRequestHeaders>? headers = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null) request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        headers?.Invoke(request.Headers);
        var response = await Http.SendAsync(request);
        string text = await response.Content.ReadAsStringAsync();
        var json = text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
        return (response, json);
    }

    public Task<(HttpResponseMessage Response, JsonElement Json)> GetAsync(string path) => SendAsync(HttpMethod.Get, path);

    public async Task<JsonElement> OkAsync(HttpMethod method, string path, string? body = null)
    {
        var (response, json) = await SendAsync(method, path, body);
        Assert.True(response.IsSuccessStatusCode, $"{method} {path} → {(int)response.StatusCode}: {json}");
        return json;
    }

    /// <summary>All batches, newest first, in one page.</summary>
    public async Task<List<string>> AllIdsAsync()
    {
        var page = await OkAsync(HttpMethod.Get, "/v1/messages/batches?limit=1000");
        Assert.False(page.GetProperty("has_more").GetBoolean());
        return page.GetProperty("data").EnumerateArray().Select(b => b.GetProperty("id").GetString()!).ToList();
    }

    public Task<JsonElement> CreateAsync(params (string CustomId, string Model)[] requests) =>
        OkAsync(HttpMethod.Post, "/v1/messages/batches", CreateBody(requests));

    public static string CreateBody(IEnumerable<(string CustomId, string Model)> requests)
    {
        var sb = new StringBuilder("{\"requests\":[");
        bool first = true;
        foreach (var (id, model) in requests)
        {
            if (!first) sb.Append(',');
            first = false;
            sb.Append("{\"custom_id\":").Append(JsonSerializer.Serialize(id))
              .Append(",\"params\":{\"model\":").Append(JsonSerializer.Serialize(model))
              .Append(",\"max_tokens\":512,\"messages\":[{\"role\":\"user\",\"content\":\"Review this pull request diff\"}]}}");
        }
        return sb.Append("]}").ToString();
    }

    /// <summary>Reads a results download as lines (the raw text of each).</summary>
    public async Task<List<string>> ResultLinesAsync(string batchId, string? beta = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/v1/messages/batches/{batchId}/results");
        if (beta is not null) request.Headers.TryAddWithoutValidation("anthropic-beta", beta);
        using var response = await Http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal(200, (int)response.StatusCode);
        Assert.Equal("application/x-jsonl", response.Content.Headers.ContentType?.MediaType);
        ApiAssert.RequestId(response);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync());
        var lines = new List<string>();
        while (await reader.ReadLineAsync() is { } line) lines.Add(line);
        return lines;
    }

    public void Advance(TimeSpan by) => Time.Advance(by);

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await Server.DisposeAsync();
    }
}
