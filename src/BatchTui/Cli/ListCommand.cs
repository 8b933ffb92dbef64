namespace BatchTui.Cli;

// Placeholder until its issue lands: the command's owner replaces this file.
internal static class ListCommand
{
    public static Task<int> RunAsync(string[] args)
    {
        Console.Error.WriteLine("batchtui: 'List' is not built yet");
        return Task.FromResult(1);
    }
}
