using Microsoft.AspNetCore.Http;

namespace BatchTui.Simulator.Http;

/// <summary>The <c>request-id</c> given to every response (and repeated as <c>request_id</c> in error bodies).</summary>
internal static class RequestId
{
    private const string Key = "batchtui.request-id";

    public static string? Of(HttpContext ctx) => ctx.Items.TryGetValue(Key, out var v) ? v as string : null;

    public static void Assign(HttpContext ctx, string id)
    {
        ctx.Items[Key] = id;
        ctx.Response.Headers["request-id"] = id;
    }
}
