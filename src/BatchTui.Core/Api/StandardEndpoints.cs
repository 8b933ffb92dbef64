using Anthropic;
using Anthropic.Core;
using System.Text.Json;
using Sdk = Anthropic.Models.Messages.Batches;

namespace BatchTui.Core.Api;

/// <summary><c>client.Messages.Batches</c>: the generally available namespace.</summary>
internal sealed class StandardEndpoints(AnthropicClient client) : ISdkEndpoints
{
    private Anthropic.Services.Messages.IBatchServiceWithRawResponse Raw => client.Messages.Batches.WithRawResponse;

    public async Task<HttpResponse> List(PageRequest p, CancellationToken ct) =>
        await Raw.List(new Sdk.BatchListParams { Limit = p.Limit, AfterID = p.AfterId, BeforeID = p.BeforeId }, ct);

    public async Task<HttpResponse> Retrieve(string id, CancellationToken ct) => await Raw.Retrieve(id, null, ct);

    public async Task<HttpResponse> Create(IReadOnlyDictionary<string, JsonElement> body, CancellationToken ct) =>
        await Raw.Create(Sdk.BatchCreateParams.FromRawUnchecked(SdkEndpoints.Empty, SdkEndpoints.Empty, body), ct);

    public async Task<HttpResponse> Cancel(string id, CancellationToken ct) => await Raw.Cancel(id, null, ct);
    public async Task<HttpResponse> Delete(string id, CancellationToken ct) => await Raw.Delete(id, null, ct);
    public async Task<HttpResponse> Results(string id, CancellationToken ct) => await Raw.ResultsStreaming(id, null, ct);

    public MessageBatch ToBatch(JsonElement json)
    {
        var b = Sdk.MessageBatch.FromRawUnchecked(SdkEndpoints.Fields(json));
        var c = b.RequestCounts;
        return new MessageBatch(b.ID, BatchStatusText.Parse(b.ProcessingStatus.Raw()),
            new RequestCounts(c.Processing, c.Succeeded, c.Errored, c.Canceled, c.Expired),
            b.CreatedAt, b.ExpiresAt, b.EndedAt, b.CancelInitiatedAt, b.ArchivedAt, b.ResultsUrl, json.GetRawText());
    }

    public BatchPage ToPage(JsonElement json)
    {
        var page = Sdk.BatchListPageResponse.FromRawUnchecked(SdkEndpoints.Fields(json));
        // Items are mapped from the JSON array itself so each keeps its exact raw text, and one by one so a
        // malformed item fails its own row, not the page.
        var data = json.GetProperty("data").EnumerateArray().Select(item => TolerantBatch.Map(item, ToBatch)).ToList();
        return new BatchPage(data, page.FirstID, page.LastID, page.HasMore);
    }

    public string DeletedId(JsonElement json) => Sdk.DeletedMessageBatch.FromRawUnchecked(SdkEndpoints.Fields(json)).ID;
}
