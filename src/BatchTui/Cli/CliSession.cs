using BatchTui.Core.Api;
using BatchTui.Core.Config;
using BatchTui.Core.Results.Store;
using BatchTui.Hosting;

namespace BatchTui.Cli;

/// <summary>
/// What every API command does around its own work: resolve the config (flags &gt; environment &gt; file &gt;
/// defaults, the TUI's rules), open the connection and name it on stderr, and turn what went wrong into one
/// sanitised stderr line and the exit code of <see cref="CliExit"/>.
/// </summary>
internal sealed class CliSession(string command, CliIo io)
{
    public string Command => command;
    public CliIo Io => io;

    /// <summary>The options, or null after printing why not (then exit <see cref="CliExit.Usage"/>).</summary>
    public BatchTuiOptions? Load(IReadOnlyList<string> configArgs)
    {
        try
        {
            return ConfigLoader.Load(configArgs, io.Env, io.ConfigPath).Options;
        }
        catch (ConfigException e)
        {
            Error(e.Message);
            return null;
        }
    }

    /// <summary>Opens the connection (the demo simulator when there is no key) and says which on stderr.</summary>
    public async Task<ApiConnection> ConnectAsync(BatchTuiOptions options, CancellationToken ct)
    {
        ApiConnection c = await ApiConnection.OpenAsync(options, io.Simulator, ct);
        io.Err.WriteLine(CliText.Safe(c.Describe()));
        return c;
    }

    public ResultsStore Store() => new(CacheDirectory.Resolve(io.Var, Home()), io.Time);

    public string StateDirectory() => Core.State.StateDirectory.Resolve(io.Var);

    private string Home() => io.Var("HOME") is { Length: > 0 } h ? h : Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);

    public void Error(string message) => io.Err.WriteLine($"batchtui {command}: {CliText.Safe(message)}");

    /// <summary>The exit code for an API error on <paramref name="id"/>, after saying it (with the request-id).</summary>
    public int Fail(BatchApiException e, string? id = null)
    {
        Error(id is null ? e.Message : $"{id}: {e.Message}");
        return CodeOf(e);
    }

    public static int CodeOf(BatchApiException e) => e.Status switch
    {
        404 => CliExit.NotFound,
        409 => CliExit.Refused,
        400 when e.ErrorType == "invalid_request_error" => CliExit.Refused,
        _ => CliExit.Failed,
    };

    /// <summary>Runs the body, mapping the exceptions every command can meet to a line and a code.</summary>
    public async Task<int> GuardAsync(Func<Task<int>> body, CancellationToken ct)
    {
        try
        {
            return await body();
        }
        catch (BatchApiException e)
        {
            return Fail(e);
        }
        catch (ResultsDownloadException e)
        {
            Error(e.Message);
            return CliExit.Failed;
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            Error("interrupted");
            return CliExit.Interrupted;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidOperationException or ArgumentException)
        {
            Error(e.Message);
            return CliExit.Failed;
        }
    }

    /// <summary>Asks on a terminal; off a terminal only <paramref name="yes"/> lets the action through.</summary>
    public async Task<bool> ConfirmAsync(string question, bool yes, CancellationToken ct)
    {
        if (yes) return true;
        if (!io.InIsTerminal)
        {
            Error("not confirmed: stdin is not a terminal, so there is no one to ask; pass --yes");
            return false;
        }
        io.Err.Write($"{question} [y/N] ");
        io.Err.Flush();
        string? answer = await io.In.ReadLineAsync(ct);
        if (answer?.Trim().ToLowerInvariant() is "y" or "yes") return true;
        Error("not confirmed: nothing was done");
        return false;
    }
}
