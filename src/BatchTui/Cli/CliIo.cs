using BatchTui.Core.Config;
using BatchTui.Simulator;
using System.Text;

namespace BatchTui.Cli;

/// <summary>
/// Everything a command touches outside itself: stdout as text and as bytes (the results are copied byte for byte),
/// stderr, stdin, which of them is a terminal, the environment, the clock, and (tests) the config file and the
/// demo simulator's options.
/// </summary>
internal sealed record CliIo(
    Stream OutBytes,
    TextWriter Out,
    TextWriter Err,
    TextReader In,
    bool InIsTerminal,
    bool OutIsTerminal,
    bool ErrIsTerminal,
    IReadOnlyDictionary<string, string?> Env,
    TimeProvider Time,
    string? ConfigPath = null,
    Func<string, SimulatorOptions>? Simulator = null)
{
    public static CliIo Process()
    {
        var env = ConfigLoader.ProcessEnvironment();
        return new CliIo(Console.OpenStandardOutput(), Console.Out, Console.Error, Console.In,
            !Console.IsInputRedirected, !Console.IsOutputRedirected, !Console.IsErrorRedirected, env, TimeProvider.System);
    }

    /// <summary>For tests: stdout into <paramref name="stdout"/>, stderr into a string writer.</summary>
    public static CliIo Capture(MemoryStream stdout, StringWriter stderr, IReadOnlyDictionary<string, string?> env, string input = "",
        bool terminal = false, TimeProvider? time = null, string? configPath = null, Func<string, SimulatorOptions>? simulator = null) =>
        new(stdout, new StreamWriter(stdout, new UTF8Encoding(false), leaveOpen: true) { AutoFlush = true, NewLine = "\n" }, stderr,
            new StringReader(input), terminal, terminal, terminal, env, time ?? TimeProvider.System, configPath, simulator);

    public string? Var(string name) => Env.TryGetValue(name, out string? v) ? v : null;

    /// <summary>The same streams in the shape <see cref="CreateFlow"/> takes.</summary>
    public CliConsole AsConsole => new(Out, Err, In, InIsTerminal);
}
