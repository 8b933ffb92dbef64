using BatchTui.Core.Config;
using System.CommandLine;
using System.CommandLine.Completions;

namespace BatchTui.Cli;

/// <summary>
/// The config flags every command takes, declared for System.CommandLine (help, completion, POSIX parsing) and
/// handed on to <see cref="ConfigLoader"/> as <c>--flag=value</c> so its layering and messages stay the one source of
/// truth. <c>watch</c> leaves out <c>--timeout</c>: there it is the watch's own limit.
/// </summary>
internal sealed class CliOptions
{
    private readonly List<(Option<string?> Option, string Flag)> _values = [];
    private readonly Option<string[]> _beta;
    private readonly Option<bool> _readOnly, _demo;
    private readonly Option<string?> _timeout;

    private readonly CliIo _io;

    public CliOptions(CliIo io)
    {
        _io = io;
        Option<string?> V(string flag, string valueName, string help)
        {
            var o = new Option<string?>(flag) { Description = help, HelpName = valueName };
            _values.Add((o, flag));
            return o;
        }
        var profile = V("--profile", "NAME", "use the named profile from config.json");
        profile.CompletionSources.Add(ctx => CliCompletions.Profiles(_io));
        V("--base-url", "URL", "API base URL (default https://api.anthropic.com)");
        V("--api-key-env", "VAR", "read the API key from environment variable VAR");
        V("--theme", "NAME", "colour theme");
        V("--page-size", "N", "batches per page, 1..1000 (default 50)");
        V("--refresh-seconds", "N", "auto-refresh interval, 0 = off (default 5)");
        V("--max-retries", "N", "retries on 429/5xx/529 and dropped connections (default 4)");
        _timeout = V("--timeout", "SECONDS", "wait at most this long for a response (default 60)");
        V("--config", "PATH", "read this config file instead of the default one");
        _beta = new Option<string[]>("--beta") { Description = "use the beta namespace, sending VALUE as anthropic-beta (repeatable)", HelpName = "VALUE" };
        _readOnly = new Option<bool>("--read-only") { Description = "no create, cancel, delete or retry" };
        _demo = new Option<bool>("--demo") { Description = "use the built-in simulator even when a key is set" };
    }

    public void AddTo(Command command, bool withTimeout = true)
    {
        foreach (var (o, _) in _values)
            if (withTimeout || o != _timeout) command.Options.Add(o);
        command.Options.Add(_beta);
        command.Options.Add(_readOnly);
        command.Options.Add(_demo);
    }

    /// <summary>The config flags the user gave, as arguments for <see cref="ConfigLoader.Load(IReadOnlyList{string}, IReadOnlyDictionary{string, string?}, string?)"/>.</summary>
    public List<string> ToConfigArgs(ParseResult parsed)
    {
        var args = new List<string>();
        foreach (var (o, flag) in _values)
            if (parsed.GetResult(o) is { Implicit: false } && parsed.GetValue(o) is { } v)
                args.Add($"{flag}={v}");
        foreach (string b in parsed.GetValue(_beta) ?? []) args.Add($"--beta={b}");
        if (parsed.GetValue(_readOnly)) args.Add("--read-only");
        if (parsed.GetValue(_demo)) args.Add("--demo");
        return args;
    }

    /// <summary><c>--format</c> with the given choices (the first is the default).</summary>
    public static Option<string> Format(params string[] choices)
    {
        var o = new Option<string>("--format")
        {
            Description = $"output: {string.Join(", ", choices)} (auto = table on a terminal, {(choices.Contains("jsonl") && !choices.Contains("json") ? "jsonl" : "json")} when piped)",
            DefaultValueFactory = _ => choices[0],
            HelpName = "FORMAT",
        };
        o.AcceptOnlyFromAmong(choices);
        return o;
    }

    /// <summary>One batch id operand, completed like <see cref="Ids"/>.</summary>
    public Argument<string> Id(string help)
    {
        var a = new Argument<string>("ID") { Description = help, HelpName = "ID" };
        a.CompletionSources.Add(ctx => CliCompletions.BatchIds(_io));
        a.Validators.Add(NoFlags);
        return a;
    }

    // An unknown flag would otherwise be taken for an id and sent to the API.
    private static void NoFlags(System.CommandLine.Parsing.ArgumentResult r)
    {
        foreach (var t in r.Tokens)
            if (t.Value.StartsWith('-')) r.AddError($"unknown option '{t.Value}'");
    }

    /// <summary>Batch id operands, completed from the results cache and the last <c>list</c>.</summary>
    public Argument<string[]> Ids(string help, bool many = true)
    {
        var a = new Argument<string[]>("ID") { Description = help, HelpName = "ID", Arity = many ? ArgumentArity.OneOrMore : ArgumentArity.ExactlyOne };
        a.CompletionSources.Add(ctx => CliCompletions.BatchIds(_io));
        a.Validators.Add(NoFlags);
        return a;
    }

    public static Option<bool> Yes(string help) => new("--yes", "-y") { Description = help };
}
