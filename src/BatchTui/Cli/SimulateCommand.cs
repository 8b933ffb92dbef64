using BatchTui.Simulator;
using System.Globalization;
using System.Runtime.InteropServices;

namespace BatchTui.Cli;

/// <summary>
/// <c>batchtui simulate</c>: the Batches API simulator standalone on 127.0.0.1, for curl or any official SDK, until
/// Ctrl+C or SIGTERM. The key, if one is given, is the user's own choice and is never echoed.
/// </summary>
internal static class SimulateCommand
{
    private const string Help = """
        usage: batchtui simulate [--port 8080] [--key KEY | --key-env VAR] [--seed N] [--speed X] [--chaos RATE] [--no-seed-world]
                                 [--no-large-batch] [--strict-namespaces] [--hostile] [--quiet]

          --port N          TCP port on 127.0.0.1 (default 8080; 0 = any free port)
          --key KEY         require this key as x-api-key or Authorization: Bearer (default: open, no key needed)
          --key-env VAR     the same, with the key read from environment variable VAR (keeps it out of `ps`)
          --seed N          everything the simulator serves is deterministic from this (default 1); without
                            --seed, batch ids alone differ from run to run so two runs never share one
          --speed X         virtual seconds per real second (default 1; 60 makes a new batch end in seconds)
          --chaos RATE      0..1: share of requests that fail at random with 429 / 500 / 529
          --chaos-create RATE  0..1: share of creates that are accepted (the batch exists) and then answered 500 or dropped
          --no-seed-world   start with no batches instead of ~60 in every state
          --no-large-batch  leave out the seeded 100,000-request batch
          --strict-namespaces  serve beta-only result shapes (mcp, compaction, ...) only to beta requests
                            (anthropic-beta header or ?beta=true), as the real API does; default: to everyone
          --hostile         a misbehaving server: also serve odd batch ids (../x, a/b, 10,000 chars, ESC, NUL,
                            RTL, $(...)), malformed batch fields and unknown content block types in results
          --quiet           do not print one line per request
        """;

    public static async Task<int> RunAsync(string[] args)
    {
        int port = 8080, seed = 1;
        double speed = 1, chaos = 0, chaosCreate = 0;
        string? key = null;
        bool seedWorld = true, large = true, quiet = false, strict = false, hostile = false, seedGiven = false;
        try
        {
            for (int i = 0; i < args.Length; i++)
            {
                string arg = args[i];
                string Value() => i + 1 < args.Length ? args[++i] : throw new FormatException($"{arg} needs a value");
                switch (arg)
                {
                    case "--port": port = ParseInt(Value(), arg, 0, 65535); break;
                    case "--key": key = Value(); break;
                    case "--key-env":
                        string name = Value();
                        key = Environment.GetEnvironmentVariable(name) is { Length: > 0 } fromEnv ? fromEnv
                            : throw new FormatException($"--key-env: environment variable {name} is not set");
                        break;
                    case "--seed": seed = ParseInt(Value(), arg, int.MinValue, int.MaxValue); seedGiven = true; break;
                    case "--speed": speed = ParseDouble(Value(), arg, 0.001, 1_000_000); break;
                    case "--chaos": chaos = ParseDouble(Value(), arg, 0, 1); break;
                    case "--chaos-create": chaosCreate = ParseDouble(Value(), arg, 0, 1); break;
                    case "--no-seed-world": seedWorld = false; break;
                    case "--no-large-batch": large = false; break;
                    case "--quiet": quiet = true; break;
                    case "--strict-namespaces": strict = true; break;
                    case "--hostile": hostile = true; break;
                    case "-h" or "--help": Console.Out.WriteLine(Help); return 0;
                    default: throw new FormatException($"unknown flag '{arg}'");
                }
            }
            if (key is { Length: 0 }) throw new FormatException("--key must not be empty");
        }
        catch (FormatException e)
        {
            Console.Error.WriteLine($"batchtui simulate: {e.Message}");
            Console.Error.WriteLine(Help);
            return 2;
        }

        var options = new SimulatorOptions
        {
            Port = port,
            ApiKey = key,
            Seed = seed,
            Speed = speed,
            SeedWorld = seedWorld,
            IncludeLargeBatch = large,
            StrictNamespaces = strict,
            Hostile = hostile,
            FreshIds = !seedGiven,
            RequestLog = quiet ? null : line => Console.Out.WriteLine(line),
        };
        SimulatorServer server;
        try
        {
            server = await SimulatorServer.StartAsync(options);
        }
        catch (IOException e)
        {
            Console.Error.WriteLine($"batchtui simulate: cannot listen on 127.0.0.1:{port}: {e.Message}");
            return 1;
        }

        await using (server)
        {
            server.Chaos.RandomFailureRate = chaos;
            server.Chaos.AcceptedThenFailRate = chaosCreate;
            PrintBanner(server, options, chaos);
            var stop = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            void OnSignal(PosixSignalContext ctx)
            {
                ctx.Cancel = true;
                stop.TrySetResult();
            }
            using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal);
            using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal);
            await stop.Task;
            Console.Out.WriteLine("simulator stopped");
        }
        return 0;
    }

    private static void PrintBanner(SimulatorServer server, SimulatorOptions options, double chaos)
    {
        string url = server.BaseUrl.ToString().TrimEnd('/');
        bool keyed = options.ApiKey is not null;
        string auth = keyed ? " -H \"x-api-key: $ANTHROPIC_API_KEY\"" : "";
        var o = Console.Out;
        o.WriteLine($"BatchTui Message Batches API simulator on {url}");
        o.WriteLine($"  seed {options.Seed}, speed {options.Speed.ToString(CultureInfo.InvariantCulture)}x, " +
            $"{(options.SeedWorld ? "seeded world" : "empty world")}{(options.Hostile ? ", HOSTILE" : "")}, chaos {(chaos > 0 ? chaos.ToString("P0", CultureInfo.InvariantCulture) : "off")}, " +
            (keyed ? "key required (the one you gave; send it as x-api-key or Authorization: Bearer)" : "open (no key required)"));
        o.WriteLine($"  {server.BatchCount} batches at start, virtual now {server.VirtualNow:yyyy-MM-dd HH:mm:ss}Z");
        o.WriteLine();
        o.WriteLine("Point a client at it:");
        o.WriteLine($"  export ANTHROPIC_BASE_URL={url}" + (keyed ? "" : "   # any ANTHROPIC_API_KEY value works"));
        o.WriteLine($"  curl -s{auth} '{url}/v1/messages/batches?limit=5'");
        o.WriteLine($"  curl -s{auth} {url}/v1/messages/batches/<id>/results | head");
        o.WriteLine($"  curl -s{auth} -X POST {url}/v1/messages/batches -H 'content-type: application/json' \\");
        o.WriteLine("    -d '{\"requests\":[{\"custom_id\":\"q1\",\"params\":{\"model\":\"claude-sonnet-4-6\",\"max_tokens\":256," +
            "\"messages\":[{\"role\":\"user\",\"content\":\"Review this diff\"}]}}]}'");
        o.WriteLine();
        o.WriteLine("Ctrl+C to stop.");
    }

    private static int ParseInt(string s, string flag, int min, int max) =>
        int.TryParse(s, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int v) && v >= min && v <= max
            ? v : throw new FormatException($"{flag}: '{s}' is not an integer from {min} to {max}");

    private static double ParseDouble(string s, string flag, double min, double max) =>
        double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out double v) && v >= min && v <= max
            ? v : throw new FormatException($"{flag}: '{s}' is not a number from {min} to {max}");
}
