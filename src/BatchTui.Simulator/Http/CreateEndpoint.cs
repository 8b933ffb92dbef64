using BatchTui.Simulator.Engine;
using Microsoft.AspNetCore.Http;
using System.Text.Json;

namespace BatchTui.Simulator.Http;

/// <summary>POST /v1/messages/batches: validates the body as the API does and starts a batch of those requests.</summary>
internal static class CreateEndpoint
{
    public const int MaxRequests = 100_000;

    public static async Task CreateAsync(HttpContext ctx, SimulatorWorld world)
    {
        JsonDocument doc;
        try
        {
            doc = await JsonDocument.ParseAsync(ctx.Request.Body, new JsonDocumentOptions { MaxDepth = 256 },
                ctx.RequestAborted);
        }
        catch (JsonException e)
        {
            throw ApiProblem.Invalid($"Request body is not valid JSON: {e.Message}");
        }

        using (doc)
        {
            var parsed = CreateRequestParser.Parse(doc.RootElement);
            var store = world.Store;
            long sequence = store.NextSequence();
            var options = world.Options;
            var batch = new BatchRecord
            {
                Id = world.BatchId(new Rng(Hash.Of((ulong)options.Seed, 0xC4EA7E, (ulong)sequence)).Id("msgbatch_01", 22)),
                Sequence = sequence,
                Seed = Hash.Of((ulong)options.Seed, 0xBA7C4, (ulong)sequence),
                CreatedAt = world.Clock.Now,
                Duration = options.CreatedBatchDuration ?? DefaultDuration(parsed.Count),
                Requests = parsed,
                ErrorRate = options.CreatedErrorRate,
                CancelDelay = options.CancelDelay,
            };
            store.Add(batch);
            if (world.Chaos.TakeCreateFault() is { } fault)
            {
                await CreateFaults.AnswerAsync(ctx, fault);
                return;
            }
            var view = batch.View(world.Clock.Now);
            string baseUrl = BatchEndpoints.BaseUrl(ctx);
            await WireJson.RespondAsync(ctx, 200, w => WireJson.WriteBatch(w, batch, view, baseUrl));
        }
    }

    /// <summary>One minute plus a second per request, at most six hours (virtual time).</summary>
    private static TimeSpan DefaultDuration(int count) =>
        TimeSpan.FromSeconds(Math.Min(60 + count, 6 * 3600));
}
