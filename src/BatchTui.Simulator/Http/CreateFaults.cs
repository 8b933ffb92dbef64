using Microsoft.AspNetCore.Http;

namespace BatchTui.Simulator.Http;

/// <summary>The answer to a create that was accepted but must look failed (<see cref="ChaosSettings.AcceptThenFailNextCreates"/>).</summary>
internal static class CreateFaults
{
    public static Task AnswerAsync(HttpContext ctx, CreateFault fault)
    {
        if (fault == CreateFault.Drop)
        {
            ctx.Abort();
            return Task.CompletedTask;
        }
        return WireJson.RespondErrorAsync(ctx, 500, "api_error", "Internal server error");
    }
}
