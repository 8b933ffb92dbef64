using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace BatchTui.Simulator.Tests;

/// <summary>The real-world-mess family: in the seeded world (demo) and on request in a created batch.</summary>
public sealed class MessTests
{
    /// <summary>The seeded mess batch: the oldest one with results whose custom_ids are <c>mess-…</c>.</summary>
    private static async Task<(JsonElement Batch, List<string> Lines)> SeededMessAsync(SimHost sim)
    {
        var page = await sim.OkAsync(HttpMethod.Get, "/v1/messages/batches?limit=1000");
        foreach (var batch in page.GetProperty("data").EnumerateArray().Reverse())
        {
            if (batch.Str("processing_status") != "ended" || batch.Str("archived_at") is not null) continue;
            var lines = await sim.ResultLinesAsync(batch.Str("id")!);
            if (lines.Count > 0 && JsonDocument.Parse(lines[0]).RootElement.Str("custom_id")!.StartsWith("mess-", StringComparison.Ordinal))
                return (batch, lines);
        }
        throw new Xunit.Sdk.XunitException("no batch of real-world mess in the seeded world");
    }

    private static List<string> Texts(IEnumerable<string> lines)
    {
        var texts = new List<string>();
        void Walk(JsonElement e)
        {
            switch (e.ValueKind)
            {
                case JsonValueKind.Object: foreach (var p in e.EnumerateObject()) Walk(p.Value); break;
                case JsonValueKind.Array: foreach (var v in e.EnumerateArray()) Walk(v); break;
                case JsonValueKind.String: texts.Add(e.GetString()!); break;
            }
        }
        foreach (var line in lines) Walk(JsonDocument.Parse(line).RootElement);
        return texts;
    }

    [Fact]
    public async Task The_seeded_world_holds_a_batch_of_real_world_mess_with_well_formed_json()
    {
        await using var sim = await SimHost.StartAsync();
        var (batch, lines) = await SeededMessAsync(sim);
        Assert.Equal(batch.CountsSum(), lines.Count);
        Assert.Matches("^msgbatch_01[0-9A-Za-z]{22}$", batch.Str("id"));
        string all = string.Join("\n", Texts(lines));

        foreach (string s in new[] { "🎉", "👩‍💻", "🏳️‍🌈", "🇯🇵", "𝑥", "数据", "ご注文", "주문", "Ｆｕｌｌ", "تمت", "ההזמנה", "\u202E",
            "\u0007", "\u009B", "\u007F", "\u200B", "\u001b[2J", "\u001b]0;", "\u001b]52;c;", "\u001b[6n" })
            Assert.Contains(s, all);
        Assert.Matches("\\p{L}[\\u0300-\\u036F]{3,}", all); // zalgo: letters under combining marks
        Assert.Contains(all.Split('\n'), line => line.Length >= 20_000);
        Assert.Contains(Texts(lines), text => text.Length >= 2_000_000);

        // Emoji arrive as raw four-byte UTF-8, as the API writes them, not as \uD83C\uDF89 escapes.
        string raw = string.Join("\n", lines);
        Assert.Contains("🎉", raw);
        Assert.DoesNotContain("\\uD83C", raw, StringComparison.OrdinalIgnoreCase);

        // Errored lines carry mess in their message; their shapes stay valid.
        Assert.Contains(lines, l => l.Contains("\"type\":\"errored\"") && l.Contains("\\u001B"));
    }

    [Fact]
    public async Task The_rest_of_the_seeded_world_is_what_it_was()
    {
        await using var sim = await SimHost.StartAsync();
        var page = await sim.OkAsync(HttpMethod.Get, "/v1/messages/batches?limit=1000");
        var all = page.GetProperty("data").EnumerateArray().ToList();
        // The mess batch is older than every batch but the archived ones: the first page is unchanged.
        var (mess, _) = await SeededMessAsync(sim);
        int at = all.FindIndex(b => b.Str("id") == mess.Str("id"));
        Assert.True(at >= 50, $"the mess batch is row {at}");
        Assert.All(all.Skip(at + 1), b => Assert.NotNull(b.Str("archived_at")));
    }

    [Fact]
    public async Task A_created_batch_asking_for_real_world_mess_gets_it()
    {
        await using var sim = await SimHost.StartAsync(seedWorld: false);
        string body = SimHost.CreateBody([("m1", "claude-sonnet-4-6"), ("m2", "claude-sonnet-4-6"), ("m3", "claude-sonnet-4-6")])
            .Replace("Review this pull request diff", "Give me real-world mess");
        string id = (await sim.OkAsync(HttpMethod.Post, "/v1/messages/batches", body)).Str("id")!;
        sim.Advance(TimeSpan.FromHours(7));
        var lines = await sim.ResultLinesAsync(id);
        Assert.Equal(3, lines.Count);
        string all = string.Join("\n", Texts(lines));
        Assert.True(all.Length > 2_000_000, "request 1 carries the multi-megabyte block");
        Assert.Contains(all, c => c > 0x7F);
    }

    [Fact]
    public async Task Fresh_ids_differ_across_two_simulator_instances_and_nothing_else_does()
    {
        async Task<(List<string> Ids, string Listing, string Created)> RunAsync(bool fresh)
        {
            await using var sim = await SimHost.StartAsync(freshIds: fresh);
            var ids = await sim.AllIdsAsync();
            string listing = (await sim.OkAsync(HttpMethod.Get, "/v1/messages/batches?limit=1000")).GetProperty("data").ToString();
            foreach (string id in ids) listing = listing.Replace(id, "ID");
            string created = (await sim.CreateAsync(("q1", "claude-sonnet-4-6"))).Str("id")!;
            return (ids, listing.Replace(sim.Server.BaseUrl.ToString().TrimEnd('/'), "BASE"), created);
        }

        var a = await RunAsync(fresh: true);
        var b = await RunAsync(fresh: true);
        Assert.Empty(a.Ids.Intersect(b.Ids));
        Assert.NotEqual(a.Created, b.Created);
        Assert.Equal(a.Listing, b.Listing); // same world, same order, other ids
        Assert.All(a.Ids.Concat(b.Ids).Append(a.Created), id => Assert.Matches("^msgbatch_01[0-9A-Za-z]{22}$", id));

        // Without FreshIds (tests, `simulate --seed N`) every run hands out the same ids.
        var c = await RunAsync(fresh: false);
        var d = await RunAsync(fresh: false);
        Assert.Equal(c.Ids, d.Ids);
        Assert.Equal(c.Created, d.Created);
        Assert.Empty(a.Ids.Intersect(c.Ids));
        Assert.Equal(a.Listing, c.Listing);
    }
}
