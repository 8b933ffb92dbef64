using System.Numerics;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace BatchTui.Simulator.Tests;

/// <summary><c>simulate --hostile</c> over real loopback HTTP: odd ids, malformed batch objects, unknown blocks.</summary>
public sealed class HostileTests
{
    private static async Task<List<JsonElement>> ListAsync(SimHost sim) =>
        (await sim.OkAsync(HttpMethod.Get, "/v1/messages/batches?limit=1000")).GetProperty("data").EnumerateArray().ToList();

    private static string Path(string id) => "/v1/messages/batches/" + Uri.EscapeDataString(id);

    [Fact]
    public async Task The_list_serves_odd_ids_first_and_each_one_answers_for_itself()
    {
        await using var sim = await SimHost.StartAsync(seedWorld: false, hostile: true);
        var ids = (await ListAsync(sim)).Select(b => b.GetProperty("id").GetString()!).ToList();

        foreach (string id in new[] { "../x", "a/b", "$(touch /tmp/pwned)", "msgbatch_01\u0000nul" }) Assert.Contains(id, ids);
        Assert.Equal("../x", ids[0]);
        Assert.Equal("a/b", ids[1]);
        Assert.Contains(ids, id => id.Length == 10_000);
        Assert.Contains(ids, id => id.Contains('\u001b') && id.Contains("[2J") && id.Contains("]0;"));
        Assert.Contains(ids, id => id.Contains('\0'));
        Assert.Contains(ids, id => id.Contains('\u202E') && id.Contains("שלום") && id.Contains("دفعة"));
        Assert.Contains(ids, id => id.Contains("👩‍💻"));

        // Retrieve and results work by the escaped id, '/' and a 10,000-character id included; the results_url
        // escapes the id too. (NUL is refused by Kestrel before it reaches an endpoint: a 400, also real.)
        var oddIds = ids.Where(i => !Regex.IsMatch(i, "^msgbatch_01[0-9A-Za-z]{22}$") && !i.Contains('\0')).ToList();
        Assert.Equal(7, oddIds.Count);
        foreach (string id in oddIds)
        {
            var batch = await sim.OkAsync(HttpMethod.Get, Path(id));
            Assert.Equal(id, batch.Str("id"));
            Assert.EndsWith(Path(id) + "/results", batch.Str("results_url"));
            Assert.Equal(batch.CountsSum(), (await sim.ResultLinesAsync(Uri.EscapeDataString(id))).Count);
        }
        var (nul, _) = await sim.GetAsync(Path("msgbatch_01\u0000nul"));
        Assert.Equal(400, (int)nul.StatusCode);

        // Paging from an odd id works like from any other.
        var after = await sim.OkAsync(HttpMethod.Get, "/v1/messages/batches?limit=1&after_id=" + Uri.EscapeDataString("a/b"));
        Assert.Equal(ids[2], after.GetProperty("first_id").GetString());
    }

    [Fact]
    public async Task The_list_serves_malformed_fields_one_batch_each()
    {
        await using var sim = await SimHost.StartAsync(hostile: true);
        var all = await ListAsync(sim);
        JsonElement Where(Func<JsonElement, bool> test)
        {
            var matching = all.FindAll(b => test(b));
            Assert.True(matching.Count == 1, $"{matching.Count} batches match");
            return matching[0];
        }
        static JsonElement Counts(JsonElement b) => b.GetProperty("request_counts");

        Where(b => b.GetProperty("created_at").ValueKind == JsonValueKind.Number);
        Where(b => Counts(b).ValueKind == JsonValueKind.Object
            && Counts(b).EnumerateObject().All(p => p.Value.ValueKind == JsonValueKind.String));
        var overflow = Where(b => Counts(b).EnumerateObject().Any(p => p.Value.ValueKind == JsonValueKind.Number && p.Value.GetInt64() > long.MaxValue / 4));
        BigInteger sum = Counts(overflow).EnumerateObject().Aggregate(BigInteger.Zero, (s, p) => s + p.Value.GetInt64());
        Assert.True(sum > long.MaxValue, $"counts sum {sum} fits a long");
        Where(b => Counts(b).EnumerateObject().Any(p => p.Value.ValueKind == JsonValueKind.Number && p.Value.GetInt64() < 0));
        var missing = Where(b => !b.TryGetProperty("archived_at", out _));
        Assert.False(missing.TryGetProperty("cancel_initiated_at", out _));
        Assert.Equal("ended", missing.Str("processing_status"));
        Where(b => b.Str("processing_status") is not ("in_progress" or "canceling" or "ended"));
        Where(b => b.GetProperty("created_at").ValueKind == JsonValueKind.String && b.Str("created_at")!.StartsWith("0001-", StringComparison.Ordinal));
        var future = Where(b => b.GetProperty("created_at").ValueKind == JsonValueKind.String && b.Str("created_at")!.StartsWith("9999-", StringComparison.Ordinal));
        Assert.StartsWith("10000-", future.Str("expires_at"));

        // Retrieve serves the same malformed object as the list.
        string id = overflow.Str("id")!;
        Assert.Equal(overflow.ToString().Replace(sim.Server.BaseUrl.ToString(), ""),
            (await sim.OkAsync(HttpMethod.Get, Path(id))).ToString().Replace(sim.Server.BaseUrl.ToString(), ""));

        // The seeded world is still all there, and well-formed.
        Assert.True(all.Count(b => b.Str("id")!.Length == 33 && b.GetProperty("created_at").ValueKind == JsonValueKind.String) > 55);
    }

    [Fact]
    public async Task Results_hold_unknown_block_types_odd_custom_ids_and_half_surrogate_pairs()
    {
        await using var sim = await SimHost.StartAsync(seedWorld: false, hostile: true);
        var lines = await sim.ResultLinesAsync(Uri.EscapeDataString("a/b"));
        var blockTypes = new HashSet<string>();
        var customIds = new List<string>();
        foreach (string line in lines)
        {
            var root = JsonDocument.Parse(line).RootElement;
            customIds.Add(root.GetProperty("custom_id").GetString()!);
            var result = root.GetProperty("result");
            if (result.Str("type") != "succeeded") continue;
            foreach (var block in result.GetProperty("message").GetProperty("content").EnumerateArray())
            {
                if (block.ValueKind == JsonValueKind.Object && block.GetProperty("type").ValueKind == JsonValueKind.String)
                    blockTypes.Add(block.GetProperty("type").GetString()!);
            }
        }
        Assert.Contains("hologram_2027", blockTypes);
        Assert.Contains("$(touch /tmp/pwned)", customIds);
        Assert.Contains("../../.ssh/authorized_keys", customIds);
        Assert.Equal(2, customIds.Count(c => c == "dup"));
        Assert.Contains(lines, l => l.Contains("\\ud83d,", StringComparison.Ordinal)); // half an emoji, as an escape
        Assert.Contains(lines, l => l.Contains("{\"type\":42,", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Without_the_switch_none_of_it_is_served()
    {
        await using var sim = await SimHost.StartAsync(seedWorld: false);
        Assert.Empty(await ListAsync(sim));
    }
}
