using BatchTui.Core.Api;
using BatchTui.Core.Config;
using BatchTui.Core.Labels;
using BatchTui.Core.Results.Store;
using BatchTui.Core.State;
using BatchTui.Core.Text;
using BatchTui.Hosting;
using BatchTui.Simulator;

namespace BatchTui.Cli;

/// <summary>
/// <c>batchtui create FILE [--yes]</c>: parses the config like every command, opens the connection (the demo
/// simulator when there is no key), then hands over to <see cref="CreateFlow"/>. Exit codes are CreateFlow's.
/// </summary>
internal static class CreateCommand
{
    private const string Help = """
        usage: batchtui create FILE [--yes] [--label NAME] [config flags]

          FILE     the requests: JSONL ({"custom_id": ..., "params": {...}} per line), a {"requests": [...]} body or an array
          --yes    send without asking (needed when stdin is not a terminal)
          --label NAME  the new batch's local label (default: FILE's name without its extension; --label "" for
                   none); see batchtui label --help
          --format F  what stdout gets: id (default: the new id alone), json (the created batch as the API sent it),
                   jsonl (the same on one line), table, auto (table on a terminal, json when piped)

        Validates every request first and sends nothing if any is invalid; prints the preview (count, models, size),
        asks for confirmation on a terminal, submits, journals the requests (for retry failed) and prints the new id
        on stdout. Exit codes: 0 created, 1 invalid, 2 usage, 3 the API refused, 4 not confirmed.
        """;

    public static Task<int> RunAsync(string[] args) => CliCancellation.RunAsync(ct => RunAsync(args, CliIo.Process(), ct));

    internal static Task<int> RunAsync(string[] args, CliIo io, CancellationToken ct) =>
        RunAsync(args, io.AsConsole, io.Env, io.ConfigPath, io.Simulator, ct, io);

    internal static async Task<int> RunAsync(string[] args, CliConsole console, IReadOnlyDictionary<string, string?> env,
        string? configPath, Func<string, SimulatorOptions>? simulator, CancellationToken ct, CliIo? io = null)
    {
        BatchTuiOptions options;
        string? file = null;
        bool yes = false;
        string format = "id";
        string? label = null;
        try
        {
            var loaded = ConfigLoader.Load(args, env, configPath);
            options = loaded.Options;
            List<string> rest = CreatedFormat.Extract(loaded.Rest, out format).ToList();
            for (int i = 0; i < rest.Count; i++)
            {
                string arg = rest[i];
                switch (arg)
                {
                    case "--yes" or "-y": yes = true; break;
                    case "--label":
                        label = i + 1 < rest.Count ? rest[++i] : throw new ConfigException("--label needs a value (\"\" for none)");
                        break;
                    case var l when l.StartsWith("--label=", StringComparison.Ordinal): label = l[8..]; break;
                    case "-h" or "--help":
                        console.Out.WriteLine(Help);
                        console.Out.WriteLine("config flags:");
                        foreach (string line in ConfigLoader.FlagHelp()) console.Out.WriteLine("  " + line);
                        return 0;
                    case var flag when flag.StartsWith('-'):
                        throw new ConfigException($"unknown argument '{flag}' (see batchtui create --help)");
                    default:
                        if (file is not null) throw new ConfigException($"one file at a time ('{file}', then '{arg}')");
                        file = arg;
                        break;
                }
            }
            if (file is null) throw new ConfigException("which file? usage: batchtui create FILE [--yes]");
            if (options.ReadOnly) throw new ConfigException("read-only mode (--read-only or readOnly in the config): nothing is created");
        }
        catch (ConfigException e)
        {
            console.Err.WriteLine($"batchtui create: {UntrustedText.ForTerminal(e.Message)}");
            return CreateFlow.Usage;
        }

        // Said before a demo simulator is started for nothing.
        if (!File.Exists(file))
        {
            console.Err.WriteLine($"batchtui create: {file}: no such file");
            return CreateFlow.Usage;
        }
        try
        {
            ApiConnection opened;
            try
            {
                opened = await ApiConnection.OpenAsync(options, simulator, ct);
            }
            catch (Exception e) when (e is BatchApiException or IOException or ArgumentException or InvalidOperationException)
            {
                console.Err.WriteLine($"batchtui create: cannot open the connection: {UntrustedText.ForTerminal(e.Message)}");
                return CreateFlow.ApiFailed;
            }
            await using var connection = opened;
            string target = connection.IsSimulator
                ? "the built-in simulator (demo mode: the batch lives only as long as this command)"
                : $"{connection.BaseUrl} (profile {connection.ProfileName})";
            string stateDir = StateDirectory.Resolve(k => env.TryGetValue(k, out string? v) ? v : null);
            var journal = new SubmissionJournal(StateDirectory.Journal(stateDir), TimeProvider.System);
            return await new CreateFlow(connection.Api, journal, console)
            {
                PrintCreated = CreatedFormat.Printer(format, console, io),
                OnCreated = (batch, c) => LabelAsync(batch, label ?? LabelText.FromFile(file), explicitLabel: label is not null,
                    connection.IsSimulator ? null : LabelStore.Open(stateDir, CacheScope.Of(connection.Api)), console.Err, c),
            }.RunAsync(file, yes, target, ct);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            console.Err.WriteLine("batchtui create: canceled; if the request had already gone out, check `batchtui list`");
            return 130;
        }
    }

    // The new batch's local label; a failure to write it is said, never fatal (the batch exists).
    private static async Task LabelAsync(MessageBatch batch, string? label, bool explicitLabel, LabelStore? labels, TextWriter err, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(label)) return;
        if (labels is null)
        {
            if (explicitLabel) err.WriteLine("batchtui create: demo mode: the label is not kept (the demo simulator is a new one every command)");
            return;
        }
        try
        {
            BatchNote? now = await labels.SetLabelAsync(batch.Id, label, ct);
            if (now?.Label is { } l) err.WriteLine($"labelled {UntrustedText.ForTerminal(batch.Id)}: {UntrustedText.ForTerminal(l)}");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            err.WriteLine($"batchtui create: the label could not be saved ({UntrustedText.ForTerminal(e.Message)})");
        }
    }
}
