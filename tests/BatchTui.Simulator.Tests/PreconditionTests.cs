using System.Text;
using System.Text.Json;

namespace BatchTui.Simulator.Tests;

/// <summary>Every precondition answers the documented envelope with the right status and a request-id.</summary>
public sealed class PreconditionTests : IAsyncLifetime
{
    private SimHost _sim = null!;

    public async Task InitializeAsync() => _sim = await SimHost.StartAsync();

    public async Task DisposeAsync() => await _sim.DisposeAsync();

    private async Task<JsonElement> SeededAsync(Func<JsonElement, bool> match)
    {
        var page = await _sim.OkAsync(HttpMethod.Get, "/v1/messages/batches?limit=1000");
        return page.GetProperty("data").EnumerateArray().First(match);
    }

    private static bool Is(JsonElement b, string status) => b.GetProperty("processing_status").GetString() == status;

    private static bool Archived(JsonElement b) => b.GetProperty("archived_at").ValueKind != JsonValueKind.Null;

    [Theory]
    [InlineData("GET", "/v1/messages/batches/msgbatch_doesnotexist")]
    [InlineData("POST", "/v1/messages/batches/msgbatch_doesnotexist/cancel")]
    [InlineData("DELETE", "/v1/messages/batches/msgbatch_doesnotexist")]
    [InlineData("GET", "/v1/messages/batches/msgbatch_doesnotexist/results")]
    public async Task Unknown_id_is_not_found(string method, string path)
    {
        var (response, json) = await _sim.SendAsync(new HttpMethod(method), path);
        ApiAssert.Error(response, json, 404, "not_found_error", "msgbatch_doesnotexist");
    }

    [Fact]
    public async Task Unknown_endpoint_is_not_found_in_the_envelope()
    {
        var (response, json) = await _sim.GetAsync("/v1/messages/batchez");
        ApiAssert.Error(response, json, 404, "not_found_error");
    }

    [Fact]
    public async Task Every_success_carries_a_request_id_too()
    {
        var (response, _) = await _sim.GetAsync("/v1/messages/batches?limit=1");
        var (again, _) = await _sim.GetAsync("/v1/messages/batches?limit=1");
        Assert.NotEqual(ApiAssert.RequestId(response), ApiAssert.RequestId(again));
    }

    [Fact]
    public async Task Cancel_is_refused_once_canceling_or_ended()
    {
        var canceling = await SeededAsync(b => Is(b, "canceling"));
        var (r1, j1) = await _sim.SendAsync(HttpMethod.Post, $"/v1/messages/batches/{canceling.Str("id")}/cancel");
        ApiAssert.Error(r1, j1, 400, "invalid_request_error", "canceling");

        var ended = await SeededAsync(b => Is(b, "ended"));
        var (r2, j2) = await _sim.SendAsync(HttpMethod.Post, $"/v1/messages/batches/{ended.Str("id")}/cancel");
        ApiAssert.Error(r2, j2, 400, "invalid_request_error", "ended");
    }

    [Fact]
    public async Task Delete_is_refused_before_the_end_and_works_after()
    {
        foreach (var status in new[] { "in_progress", "canceling" })
        {
            var batch = await SeededAsync(b => Is(b, status));
            var (r, j) = await _sim.SendAsync(HttpMethod.Delete, $"/v1/messages/batches/{batch.Str("id")}");
            ApiAssert.Error(r, j, 400, "invalid_request_error", status);
        }

        var ended = await SeededAsync(b => Is(b, "ended"));
        string id = ended.Str("id")!;
        var deleted = await _sim.OkAsync(HttpMethod.Delete, $"/v1/messages/batches/{id}");
        Assert.Equal(id, deleted.Str("id"));
        Assert.Equal("message_batch_deleted", deleted.Str("type"));
        var (gone, json) = await _sim.GetAsync($"/v1/messages/batches/{id}");
        ApiAssert.Error(gone, json, 404, "not_found_error");
        Assert.DoesNotContain(id, await _sim.AllIdsAsync());
    }

    [Fact]
    public async Task Results_are_refused_before_the_end_and_after_archiving()
    {
        var running = await SeededAsync(b => Is(b, "in_progress"));
        var (r1, j1) = await _sim.GetAsync($"/v1/messages/batches/{running.Str("id")}/results");
        ApiAssert.Error(r1, j1, 400, "invalid_request_error", "in_progress");

        var archived = await SeededAsync(Archived);
        Assert.Equal("ended", archived.Str("processing_status"));
        Assert.NotNull(archived.Str("results_url"));
        var (r2, j2) = await _sim.GetAsync($"/v1/messages/batches/{archived.Str("id")}/results");
        ApiAssert.Error(r2, j2, 400, "invalid_request_error", "archived");
    }

    [Fact]
    public async Task Malformed_json_is_an_invalid_request()
    {
        var (response, json) = await _sim.SendAsync(HttpMethod.Post, "/v1/messages/batches", "{\"requests\": [");
        ApiAssert.Error(response, json, 400, "invalid_request_error", "JSON");
    }

    [Theory]
    [InlineData("{}", "requests")]
    [InlineData("[]", "object")]
    [InlineData("{\"requests\": []}", "at least one")]
    [InlineData("{\"requests\": {}}", "array")]
    [InlineData("{\"requests\": [{\"params\": {}}]}", "requests[0].custom_id")]
    [InlineData("{\"requests\": [{\"custom_id\": \"a\"}]}", "requests[0] (custom_id 'a').params")]
    [InlineData("{\"requests\": [{\"custom_id\": \"a\", \"params\": {\"max_tokens\": 5, \"messages\": [{\"role\":\"user\",\"content\":\"x\"}]}}]}", "params.model")]
    [InlineData("{\"requests\": [{\"custom_id\": \"a\", \"params\": {\"model\": \"m\", \"messages\": [{\"role\":\"user\",\"content\":\"x\"}]}}]}", "params.max_tokens")]
    [InlineData("{\"requests\": [{\"custom_id\": \"a\", \"params\": {\"model\": \"m\", \"max_tokens\": 5}}]}", "params.messages")]
    [InlineData("{\"requests\": [{\"custom_id\": \"a\", \"params\": {\"model\": \"m\", \"max_tokens\": 5, \"messages\": []}}]}", "params.messages")]
    [InlineData("{\"requests\": [{\"custom_id\": \"a\", \"params\": {\"model\": \"m\", \"max_tokens\": 5, \"messages\": [{\"role\":\"system\",\"content\":\"x\"}]}}]}", "role")]
    public async Task Invalid_bodies_name_what_is_wrong(string body, string expected)
    {
        var (response, json) = await _sim.SendAsync(HttpMethod.Post, "/v1/messages/batches", body);
        ApiAssert.Error(response, json, 400, "invalid_request_error", expected);
    }

    [Fact]
    public async Task A_duplicate_custom_id_names_both_requests()
    {
        string body = SimHost.CreateBody([("row-1", "m"), ("row-2", "m"), ("row-1", "m")]);
        var (response, json) = await _sim.SendAsync(HttpMethod.Post, "/v1/messages/batches", body);
        ApiAssert.Error(response, json, 400, "invalid_request_error", "requests[2]", "row-1", "requests[0]", "duplicate");
    }

    [Theory]
    [InlineData("")]
    [InlineData("has space")]
    [InlineData("dots.are.not.allowed")]
    [InlineData("ünïcode")]
    [InlineData("<65 characters>")]
    public async Task A_bad_custom_id_is_refused_with_its_index(string customId)
    {
        if (customId == "<65 characters>") customId = new string('a', 65);
        string body = SimHost.CreateBody([("ok-1", "m"), (customId, "m")]);
        var (response, json) = await _sim.SendAsync(HttpMethod.Post, "/v1/messages/batches", body);
        ApiAssert.Error(response, json, 400, "invalid_request_error", "requests[1].custom_id", "1 to 64");
    }

    [Fact]
    public async Task Custom_ids_of_1_and_64_characters_from_the_allowed_set_are_accepted()
    {
        var created = await _sim.CreateAsync(("x", "m"), (new string('Z', 32) + "_-09azAZ" + new string('q', 24), "m"));
        Assert.Equal(2, created.Count("processing"));
    }

    [Fact]
    public async Task More_than_100000_requests_are_refused()
    {
        var sb = new StringBuilder("{\"requests\":[");
        const string Params = "\"params\":{\"model\":\"m\",\"max_tokens\":1,\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]}";
        for (int i = 0; i <= 100_000; i++)
            sb.Append(i == 0 ? "" : ",").Append("{\"custom_id\":\"r").Append(i).Append("\",").Append(Params).Append('}');
        sb.Append("]}");
        var (response, json) = await _sim.SendAsync(HttpMethod.Post, "/v1/messages/batches", sb.ToString());
        ApiAssert.Error(response, json, 400, "invalid_request_error", "100,000", "100,001");
    }
}
