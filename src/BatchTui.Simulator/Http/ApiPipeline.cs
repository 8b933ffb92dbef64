using BatchTui.Simulator.Engine;
using Microsoft.AspNetCore.Http;
using System.Security.Cryptography;
using System.Text;

namespace BatchTui.Simulator.Http;

/// <summary>
/// What every request goes through before its endpoint: a request-id, chaos (latency, drops, injected failures),
/// authentication, and turning any <see cref="ApiProblem"/> into the error envelope.
/// </summary>
internal sealed class ApiPipeline(SimulatorWorld world)
{
    public async Task InvokeAsync(HttpContext ctx, RequestDelegate next)
    {
        if (world.Options.RequestLog is not { } log)
        {
            await HandleAsync(ctx, next);
            return;
        }
        long started = world.Options.Time.GetTimestamp();
        try
        {
            await HandleAsync(ctx, next);
        }
        finally
        {
            var elapsed = world.Options.Time.GetElapsedTime(started);
            string status = ctx.RequestAborted.IsCancellationRequested ? "aborted" : ctx.Response.StatusCode.ToString();
            log($"{ctx.Request.Method} {ctx.Request.Path}{ctx.Request.QueryString} {status} " +
                $"{elapsed.TotalMilliseconds:0}ms {RequestId.Of(ctx)}");
        }
    }

    private async Task HandleAsync(HttpContext ctx, RequestDelegate next)
    {
        RequestId.Assign(ctx, world.NextRequestId());
        var chaos = world.Chaos;

        var latency = chaos.Latency;
        if (latency > TimeSpan.Zero) await Task.Delay(latency, world.Options.Time, ctx.RequestAborted);

        if (chaos.TakeDrop())
        {
            ctx.Abort();
            return;
        }
        if (chaos.TakeFailure() is { } failure)
        {
            if (failure.RetryAfter is { } seconds) ctx.Response.Headers["retry-after"] = seconds.ToString();
            await WireJson.RespondErrorAsync(ctx, failure.Status, ApiProblem.TypeFor(failure.Status),
                ApiProblem.MessageFor(failure.Status));
            return;
        }
        if (Unauthorized(ctx) is { } why)
        {
            await WireJson.RespondErrorAsync(ctx, 401, "authentication_error", why);
            return;
        }

        try
        {
            await next(ctx); // a wrong method or unknown path lands on the fallback endpoint (405 / 404 envelopes)
        }
        catch (ApiProblem p) when (!ctx.Response.HasStarted)
        {
            await WireJson.RespondErrorAsync(ctx, p.Status, p.Type, p.Message);
        }
        catch (BadHttpRequestException e) when (!ctx.Response.HasStarted)
        {
            int status = e.StatusCode == 413 ? 413 : 400;
            await WireJson.RespondErrorAsync(ctx, status, "invalid_request_error", e.Message);
        }
        catch (Exception e) when (!ctx.Response.HasStarted && e is not OperationCanceledException)
        {
            await WireJson.RespondErrorAsync(ctx, 500, "api_error", "Internal server error");
        }
    }

    /// <summary>null when the request may proceed; otherwise the 401 message.</summary>
    private string? Unauthorized(HttpContext ctx)
    {
        if (world.Options.ApiKey is not { } key) return null;
        var headers = ctx.Request.Headers;
        string? given = headers["x-api-key"].FirstOrDefault();
        if (string.IsNullOrEmpty(given))
        {
            string? auth = headers.Authorization.FirstOrDefault();
            if (auth is not null && auth.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
                given = auth["Bearer ".Length..].Trim();
        }
        if (string.IsNullOrEmpty(given)) return "x-api-key header is required";
        return SameKey(given, key) ? null : "invalid x-api-key";
    }

    private static bool SameKey(string a, string b) =>
        CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(a), Encoding.UTF8.GetBytes(b));
}
