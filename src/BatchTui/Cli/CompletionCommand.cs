using System.CommandLine;

namespace BatchTui.Cli;

/// <summary>
/// <c>batchtui completion bash|zsh|fish</c> prints a script for the shell to source; the script asks
/// <c>batchtui __complete -- WORDS… CURRENT</c> at every Tab, which answers from the command tree (commands, flags,
/// fixed values), the config (profile names) and the results cache and last list (batch ids), one per line.
/// </summary>
internal static class CompletionCommand
{
    public static Command Build(CliIo io)
    {
        var shell = new Argument<string>("SHELL") { Description = "bash, zsh or fish" };
        shell.AcceptOnlyFromAmong("bash", "zsh", "fish");
        var command = new Command("completion", """
            Print the shell completion script: commands, flags, profile names and batch ids (from the results cache
            and the last `batchtui list`).
              bash:  source <(batchtui completion bash)        (or save it in ~/.local/share/bash-completion/completions/batchtui)
              zsh:   source <(batchtui completion zsh)         (after compinit)
              fish:  batchtui completion fish > ~/.config/fish/completions/batchtui.fish
            Exit codes: 0 printed, 2 unknown shell.
            """) { shell };
        command.SetAction(parsed =>
        {
            io.Out.Write(Script(parsed.GetValue(shell)!));
            io.Out.Flush();
            return CliExit.Ok;
        });
        return command;
    }

    public static string Script(string shell) => shell switch
    {
        "bash" => """
            # batchtui completion for bash: source <(batchtui completion bash)
            _batchtui_complete() {
                local cur="${COMP_WORDS[COMP_CWORD]}"
                local IFS=$'\n'
                COMPREPLY=( $(compgen -W "$(batchtui __complete -- "${COMP_WORDS[@]:1:$((COMP_CWORD-1))}" "$cur" 2>/dev/null)" -- "$cur") )
            }
            complete -o default -o nosort -F _batchtui_complete batchtui

            """,
        "zsh" => """
            #compdef batchtui
            # batchtui completion for zsh: source <(batchtui completion zsh) after compinit
            _batchtui() {
                local -a candidates
                candidates=("${(@f)$(batchtui __complete -- "${(@)words[2,CURRENT-1]}" "${words[CURRENT]}" 2>/dev/null)}")
                candidates=(${candidates:#})
                if (( ${#candidates} )); then compadd -Q -a candidates; else _files; fi
            }
            compdef _batchtui batchtui

            """,
        _ => """
            # batchtui completion for fish: batchtui completion fish > ~/.config/fish/completions/batchtui.fish
            function __batchtui_complete
                set -l tokens (commandline -opc)
                batchtui __complete -- $tokens[2..-1] (commandline -ct) 2>/dev/null
            end
            complete -c batchtui -a '(__batchtui_complete)'

            """,
    };

    /// <summary><c>__complete [--] WORD… CURRENT</c>: the candidates for CURRENT, one per line.</summary>
    public static int Complete(RootCommand root, string[] args, CliIo io)
    {
        string[] words = args is ["--", .. var w] ? w : args;
        if (words.Length == 0) words = [""];
        // An empty current word is the gap after the last one, not an empty argument.
        string line = words[^1].Length == 0 ? string.Join(' ', words[..^1].Select(Quote)) + " " : string.Join(' ', words.Select(Quote));
        ParseResult parsed = root.Parse(line);
        string current = words[^1];
        foreach (var item in parsed.GetCompletions(line.Length))
        {
            string label = item.InsertText ?? item.Label;
            if (label.StartsWith("__", StringComparison.Ordinal) || !label.StartsWith(current, StringComparison.Ordinal)) continue;
            io.Out.WriteLine(label);
        }
        io.Out.Flush();
        return CliExit.Ok;
    }

    private static string Quote(string word) =>
        word.Length > 0 && word.AsSpan().IndexOfAny(" \t\"'") < 0 ? word : "\"" + word.Replace("\"", "\\\"") + "\"";
}
