using BatchTui.Simulator;
using Microsoft.Extensions.Time.Testing;
using System.Text;

namespace BatchTui.Core.Tests.Properties;

/// <summary>
/// Valid result lines to mutate, as the simulator serves them over loopback: one created batch whose requests ask for
/// every theme (so the scenario catalog, every block type and real-world mess all appear) and a hostile batch (unknown
/// block types, odd custom_ids, half surrogate pairs in escapes). Lines over 64 KB (the 2 MB mess blocks) are left out
/// to keep each case fast. Built once per test run.
/// </summary>
internal static class ResultCorpus
{
    private static readonly Lazy<Task<IReadOnlyList<byte[]>>> Lines = new(LoadAsync);

    public static Task<IReadOnlyList<byte[]>> GetAsync() => Lines.Value;

    private static readonly string[] Prompts =
    [
        "Review this diff", "Answer this support ticket", "Translate this", "Label the sentiment", "Research and cite sources",
        "What is 2+2?", "Show me real-world mess",
    ];

    private static async Task<IReadOnlyList<byte[]>> LoadAsync()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 2, 8, 0, 0, TimeSpan.Zero));
        await using var sim = await SimulatorServer.StartAsync(new SimulatorOptions
        {
            Port = 0,
            Time = clock,
            SeedWorld = false,
            Hostile = true,
            CreatedBatchDuration = TimeSpan.FromMinutes(1),
        });
        using var http = new HttpClient { BaseAddress = sim.BaseUrl };
        var body = new StringBuilder("{\"requests\":[");
        for (int i = 0; i < 140; i++)
        {
            if (i > 0) body.Append(',');
            body.Append($$$"""{"custom_id":"r-{{{i}}}","params":{"model":"claude-sonnet-4-6","max_tokens":64,"messages":[{"role":"user","content":"{{{Prompts[i % Prompts.Length]}}}"}]}}""");
        }
        body.Append("]}");
        using var created = await http.PostAsync("/v1/messages/batches", new StringContent(body.ToString(), Encoding.UTF8, "application/json"));
        created.EnsureSuccessStatusCode();
        string id = System.Text.Json.JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetString()!;
        clock.Advance(TimeSpan.FromMinutes(5));

        var lines = new List<byte[]>();
        foreach (string path in new[] { id, Uri.EscapeDataString("a/b") })
        {
            byte[] all = await http.GetByteArrayAsync($"/v1/messages/batches/{path}/results");
            int start = 0;
            for (int i = 0; i <= all.Length; i++)
            {
                if (i < all.Length && all[i] != (byte)'\n') continue;
                if (i - start is > 0 and <= 64 * 1024) lines.Add(all[start..i]);
                start = i + 1;
            }
        }
        return lines;
    }
}
