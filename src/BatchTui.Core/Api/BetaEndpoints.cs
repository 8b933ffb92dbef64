using Anthropic;
using Anthropic.Core;
using Anthropic.Models.Beta;
using System.Text.Json;
using Sdk = Anthropic.Models.Beta.Messages.Batches;

namespace BatchTui.Core.Api;

/// <summary>
/// <c>client.Beta.Messages.Batches</c>: every call carries the configured betas, which the SDK sends as the
/// <c>anthropic-beta</c> header.
/// </summary>
internal sealed class BetaEndpoints(AnthropicClient client, IReadOnlyList<string> betas) : ISdkEndpoints
{
    private readonly IReadOnlyList<ApiEnum<string, AnthropicBeta>> _betas =
        betas.Select(b => (ApiEnum<string, AnthropicBeta>)b).ToList();

    private Anthropic.Services.Beta.Messages.IBatchServiceWithRawResponse Raw =>
        client.Beta.Messages.Batches.WithRawResponse;

    public async Task<HttpResponse> List(PageRequest p, CancellationToken ct) =>
        await Raw.List(new Sdk.BatchListParams
        {
            Limit = p.Limit,
            AfterID = p.AfterId,
            BeforeID = p.BeforeId,
            Betas = _betas,
        }, ct);

    public async Task<HttpResponse> Retrieve(string id, CancellationToken ct) =>
        await Raw.Retrieve(id, new Sdk.BatchRetrieveParams { Betas = _betas }, ct);

    public async Task<HttpResponse> Create(IReadOnlyDictionary<string, JsonElement> body, CancellationToken ct) =>
        await Raw.Create(Sdk.BatchCreateParams.FromRawUnchecked(SdkEndpoints.Empty, SdkEndpoints.Empty, body)
            with
        { Betas = _betas }, ct);

    public async Task<HttpResponse> Cancel(string id, CancellationToken ct) =>
        await Raw.Cancel(id, new Sdk.BatchCancelParams { Betas = _betas }, ct);

    public async Task<HttpResponse> Delete(string id, CancellationToken ct) =>
        await Raw.Delete(id, new Sdk.BatchDeleteParams { Betas = _betas }, ct);

    public async Task<HttpResponse> Results(string id, CancellationToken ct) =>
        await Raw.ResultsStreaming(id, new Sdk.BatchResultsParams { Betas = _betas }, ct);

    public MessageBatch ToBatch(JsonElement json)
    {
        var b = Sdk.BetaMessageBatch.FromRawUnchecked(SdkEndpoints.Fields(json));
        var c = b.RequestCounts;
        return new MessageBatch(b.ID, BatchStatusText.Parse(b.ProcessingStatus.Raw()),
            new RequestCounts(c.Processing, c.Succeeded, c.Errored, c.Canceled, c.Expired),
            b.CreatedAt, b.ExpiresAt, b.EndedAt, b.CancelInitiatedAt, b.ArchivedAt, b.ResultsUrl, json.GetRawText());
    }

    public BatchPage ToPage(JsonElement json)
    {
        var page = Sdk.BatchListPageResponse.FromRawUnchecked(SdkEndpoints.Fields(json));
        var data = json.GetProperty("data").EnumerateArray().Select(item => TolerantBatch.Map(item, ToBatch)).ToList();
        return new BatchPage(data, page.FirstID, page.LastID, page.HasMore);
    }

    public string DeletedId(JsonElement json) =>
        Sdk.BetaDeletedMessageBatch.FromRawUnchecked(SdkEndpoints.Fields(json)).ID;
}
