namespace BatchTui.Cli;

/// <summary>Ctrl+C in a one-shot command cancels its work (so it can say what happened) instead of killing it.</summary>
internal static class CliCancellation
{
    public static async Task<int> RunAsync(Func<CancellationToken, Task<int>> command)
    {
        using var cts = new CancellationTokenSource();
        ConsoleCancelEventHandler onCancel = (_, e) =>
        {
            e.Cancel = true;
            cts.Cancel();
        };
        Console.CancelKeyPress += onCancel;
        try
        {
            return await command(cts.Token);
        }
        finally
        {
            Console.CancelKeyPress -= onCancel;
        }
    }
}
