using BatchTui.Simulator.Content;
using BatchTui.Simulator.Engine;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using System.Globalization;

namespace BatchTui.Simulator.Http;

/// <summary>The six Message Batches endpoints. Beta clients use the same paths (their <c>anthropic-beta</c> header
/// and a <c>?beta=true</c> query are accepted and change nothing).</summary>
internal static class BatchEndpoints
{
    private const string Root = "/v1/messages/batches";

    public static void Map(IEndpointRouteBuilder app, SimulatorWorld world)
    {
        app.MapGet(Root, ctx => ListAsync(ctx, world));
        app.MapPost(Root, ctx => CreateEndpoint.CreateAsync(ctx, world));
        app.MapGet(Root + "/{id}", ctx => RetrieveAsync(ctx, world));
        app.MapDelete(Root + "/{id}", ctx => DeleteAsync(ctx, world));
        app.MapPost(Root + "/{id}/cancel", ctx => CancelAsync(ctx, world));
        app.MapGet(Root + "/{id}/results", ctx => ResultsAsync(ctx, world));
        app.MapFallback(ctx => KnownPath(ctx.Request.Path)
            ? WireJson.RespondErrorAsync(ctx, 405, "invalid_request_error",
                $"Method {ctx.Request.Method} is not allowed on {ctx.Request.Path}")
            : WireJson.RespondErrorAsync(ctx, 404, "not_found_error",
                $"No such endpoint: {ctx.Request.Method} {ctx.Request.Path}"));
    }

    /// <summary>Newest first. <c>after_id</c> = the (older) page right after that batch, <c>before_id</c> = the
    /// (newer) page right before it; <c>has_more</c> speaks for the direction asked.</summary>
    private static Task ListAsync(HttpContext ctx, SimulatorWorld world)
    {
        var query = ctx.Request.Query;
        int limit = 20;
        if (query.TryGetValue("limit", out var rawLimit))
        {
            if (!int.TryParse(rawLimit.ToString(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out limit)
                || limit is < 1 or > 1000)
                throw ApiProblem.Invalid($"limit: must be an integer from 1 to 1000 (got '{rawLimit}')");
        }
        string? after = NonEmpty(query["after_id"]);
        string? before = NonEmpty(query["before_id"]);
        if (after is not null && before is not null)
            throw ApiProblem.Invalid("after_id and before_id cannot be used together");

        var all = world.Store.NewestFirst();
        int start, end;
        bool hasMore;
        if (after is not null)
        {
            start = IndexOf(all, after, "after_id") + 1;
            end = Math.Min(all.Length, start + limit);
            hasMore = end < all.Length;
        }
        else if (before is not null)
        {
            end = IndexOf(all, before, "before_id");
            start = Math.Max(0, end - limit);
            hasMore = start > 0;
        }
        else
        {
            start = 0;
            end = Math.Min(all.Length, limit);
            hasMore = end < all.Length;
        }

        var now = world.Clock.Now;
        string baseUrl = BaseUrl(ctx);
        return WireJson.RespondAsync(ctx, 200, w =>
        {
            w.WriteStartObject();
            w.WriteStartArray("data");
            for (int i = start; i < end; i++) WireJson.WriteBatch(w, all[i], all[i].View(now), baseUrl);
            w.WriteEndArray();
            w.WriteBoolean("has_more", hasMore);
            if (end > start) w.WriteString("first_id", all[start].Id); else w.WriteNull("first_id");
            if (end > start) w.WriteString("last_id", all[end - 1].Id); else w.WriteNull("last_id");
            w.WriteEndObject();
        });
    }

    private static Task RetrieveAsync(HttpContext ctx, SimulatorWorld world)
    {
        var batch = Find(ctx, world);
        var view = batch.View(world.Clock.Now);
        string baseUrl = BaseUrl(ctx);
        return WireJson.RespondAsync(ctx, 200, w => WireJson.WriteBatch(w, batch, view, baseUrl));
    }

    private static Task CancelAsync(HttpContext ctx, SimulatorWorld world)
    {
        var batch = Find(ctx, world);
        if (!batch.TryCancel(world.Clock.Now, out var view))
        {
            throw ApiProblem.Invalid(view.Status == ProcessingStatus.Canceling
                ? $"Message batch {batch.Id} is already canceling."
                : $"Message batch {batch.Id} has already ended and can no longer be canceled.");
        }
        string baseUrl = BaseUrl(ctx);
        return WireJson.RespondAsync(ctx, 200, w => WireJson.WriteBatch(w, batch, view, baseUrl));
    }

    private static Task DeleteAsync(HttpContext ctx, SimulatorWorld world)
    {
        var batch = Find(ctx, world);
        var view = batch.View(world.Clock.Now);
        if (!view.IsEnded)
        {
            throw ApiProblem.Invalid(
                $"Message batch {batch.Id} is still {WireJson.Status(view.Status)} and can only be deleted once " +
                "processing has ended. Cancel it first.");
        }
        world.Store.Remove(batch.Id);
        return WireJson.RespondAsync(ctx, 200, w =>
        {
            w.WriteStartObject();
            w.WriteString("id", batch.Id);
            w.WriteString("type", "message_batch_deleted");
            w.WriteEndObject();
        });
    }

    private static Task ResultsAsync(HttpContext ctx, SimulatorWorld world)
    {
        var batch = Find(ctx, world);
        var view = batch.View(world.Clock.Now);
        if (!view.IsEnded)
        {
            throw ApiProblem.Invalid(
                $"Message batch {batch.Id} is still {WireJson.Status(view.Status)}; results are available only " +
                "once processing has ended.");
        }
        if (view.ArchivedAt is { } archived)
        {
            throw ApiProblem.Invalid(
                $"Message batch {batch.Id} was archived at {WireJson.Timestamp(archived)}; its results are no longer " +
                "available.");
        }
        bool betaShapes = !world.Options.StrictNamespaces || IsBeta(ctx);
        return ResultsStream.WriteAsync(ctx, batch, view, betaShapes, world.Chaos.TakeTruncation());
    }

    /// <summary>A beta client sends <c>anthropic-beta</c>; some also mark the URL with <c>?beta=true</c>.</summary>
    private static bool IsBeta(HttpContext ctx) =>
        !string.IsNullOrWhiteSpace(ctx.Request.Headers["anthropic-beta"].ToString())
        || string.Equals(ctx.Request.Query["beta"].ToString(), "true", StringComparison.OrdinalIgnoreCase);

    private static BatchRecord Find(HttpContext ctx, SimulatorWorld world)
    {
        string id = (string)ctx.Request.RouteValues["id"]!;
        // Kestrel decodes a path but leaves %2F as it is (a '/' in it would be a separator): an id holding '/'
        // (simulate --hostile) arrives that way.
        return world.Store.Find(id) ?? world.Store.Find(id.Replace("%2F", "/", StringComparison.OrdinalIgnoreCase)) ?? throw ApiProblem.NotFound($"No message batch found with id '{id}'.");
    }

    private static int IndexOf(BatchRecord[] all, string id, string parameter)
    {
        int index = Array.FindIndex(all, b => b.Id == id);
        return index >= 0 ? index : throw ApiProblem.Invalid($"{parameter}: no message batch found with id '{id}'");
    }

    private static string? NonEmpty(Microsoft.Extensions.Primitives.StringValues v) =>
        string.IsNullOrEmpty(v.ToString()) ? null : v.ToString();

    /// <summary>One of the six endpoints' paths, asked with a method it does not take.</summary>
    private static bool KnownPath(PathString path)
    {
        var parts = (path.Value ?? "").Trim('/').Split('/');
        if (parts.Length < 3 || parts[0] != "v1" || parts[1] != "messages" || parts[2] != "batches") return false;
        return parts.Length switch
        {
            3 or 4 => true,
            5 => parts[4] is "cancel" or "results",
            _ => false,
        };
    }

    /// <summary>results_url is absolute and points back at this server as the client reached it.</summary>
    public static string BaseUrl(HttpContext ctx) => $"{ctx.Request.Scheme}://{ctx.Request.Host}";
}
