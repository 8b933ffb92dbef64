using BatchTui.Core.Api;
using System.Globalization;
using System.Text;

namespace BatchTui.Core.State;

/// <summary>
/// Crash reports for exceptions the app contained (a draw, a key handler, background work): one file each,
/// <c>crash-&lt;UTC timestamp&gt;.log</c> in the state directory, readable by its owner only. What an exception says
/// may hold untrusted text (ids, results, server messages), so every control and format character is written as
/// <c>\uXXXX</c> (the file replays nothing when shown with <c>cat</c>), and the API key, if it appears as a token,
/// is redacted. Writing never throws: a report that cannot be written is not worth a second failure.
/// </summary>
public sealed class CrashLog(string directory, ApiKey? key, TimeProvider time)
{
    /// <summary>Reports kept per run: a failure that repeats does not fill the disk.</summary>
    public const int MaxReports = 20;
    /// <summary>Characters kept of one exception's text (a message can quote a 50 MB line).</summary>
    public const int MaxChars = 64 * 1024;

    private readonly HashSet<string> _seen = [];
    private readonly List<ApiKey> _keys = key is null ? [] : [key];
    private readonly object _gate = new();
    private int _written;

    /// <summary><c>$XDG_STATE_HOME/batchtui</c> (fallback <c>~/.local/state/batchtui</c>).</summary>
    public static CrashLog Default(ApiKey? key, TimeProvider? time = null) => new(StateDirectory.Resolve(), key, time ?? TimeProvider.System);

    public string Directory { get; } = directory;

    /// <summary>A key the session started using later (a profile switched to): redacted from every report from now on.</summary>
    public void AlsoScrub(ApiKey? other)
    {
        if (other is null) return;
        lock (_keys) _keys.Add(other);
    }

    /// <summary>
    /// Writes a report of <paramref name="error"/>, raised by <paramref name="where"/>; returns its path, the path of
    /// the report already written for the same failure, or null when none could be written.
    /// </summary>
    public string? Write(Exception error, string where)
    {
        string signature = $"{where}|{error.GetType().FullName}|{error.StackTrace?.Split('\n').FirstOrDefault()}";
        DateTimeOffset now = time.GetUtcNow();
        lock (_gate)
        {
            if (_seen.Contains(signature)) return LastPathFor(signature);
            if (_written >= MaxReports) return null;
            try
            {
                StateDirectory.Ensure(Directory);
                string path = Create(now, out FileStream stream);
                using (stream)
                using (var w = new StreamWriter(stream, new UTF8Encoding(false)))
                    w.Write(Report(error, where, now));
                _seen.Add(signature);
                _paths[signature] = path;
                _written++;
                return path;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException)
            {
                return null;
            }
        }
    }

    private readonly Dictionary<string, string> _paths = [];
    private string? LastPathFor(string signature) => _paths.GetValueOrDefault(signature);

    private string Create(DateTimeOffset now, out FileStream stream)
    {
        string stamp = now.UtcDateTime.ToString("yyyyMMdd'T'HHmmss.fff'Z'", CultureInfo.InvariantCulture);
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows()) options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        for (int n = 1; ; n++)
        {
            string path = Path.Combine(Directory, n == 1 ? $"crash-{stamp}.log" : $"crash-{stamp}-{n}.log");
            try
            {
                stream = new FileStream(path, options);
                return path;
            }
            catch (IOException) when (n < 100 && File.Exists(path))
            {
            }
        }
    }

    /// <summary>The report's text: escaped and with the key redacted.</summary>
    public string Report(Exception error, string where, DateTimeOffset at)
    {
        var sb = new StringBuilder();
        sb.Append("batchtui crash report (the app contained this failure and kept running)\n");
        sb.Append("time: ").Append(at.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss.fff", CultureInfo.InvariantCulture)).Append(" UTC\n");
        sb.Append("where: ").Append(Clean(where)).Append('\n');
        sb.Append("version: ").Append(typeof(CrashLog).Assembly.GetName().Version).Append('\n');
        sb.Append("runtime: ").Append(System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription)
          .Append(", ").Append(System.Runtime.InteropServices.RuntimeInformation.OSDescription).Append('\n');
        if (RequestIdOf(error) is { } rid) sb.Append("request-id: ").Append(Clean(rid)).Append('\n');
        sb.Append('\n').Append(Clean(error.ToString())).Append('\n');
        return sb.ToString();
    }

    /// <summary>The request-id of the API error behind <paramref name="error"/> (wrapped or aggregated), if any.</summary>
    public static string? RequestIdOf(Exception? error)
    {
        for (int depth = 0; error is not null && depth < 16; depth++)
        {
            if (error is BatchApiException { RequestId: { } rid }) return rid;
            error = error is AggregateException { InnerExceptions.Count: > 0 } agg ? agg.InnerExceptions[0] : error.InnerException;
        }
        return null;
    }

    /// <summary>Text fit for a report or an error line: cut to <see cref="MaxChars"/>, the key redacted, escaped.</summary>
    public string Clean(string text)
    {
        if (text.Length > MaxChars) text = text[..MaxChars] + $"… ({text.Length - MaxChars:N0} more characters)";
        lock (_keys) foreach (ApiKey k in _keys) text = k.Scrub(text);
        return Escape(text);
    }

    /// <summary>
    /// Every control (C0, DEL, C1), format (bidi overrides, zero-width) and lone surrogate character as <c>\uXXXX</c>,
    /// a backslash as <c>\\</c>; line feeds stay (the report is lines).
    /// </summary>
    public static string Escape(string text)
    {
        var sb = new StringBuilder(text.Length);
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (c == '\n') sb.Append('\n');
            else if (c == '\\') sb.Append(@"\\");
            else if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                var rune = new Rune(c, text[i + 1]);
                if (Rune.GetUnicodeCategory(rune) == UnicodeCategory.Format) sb.Append($"\\U{rune.Value:X8}");
                else sb.Append(c).Append(text[i + 1]);
                i++;
            }
            else if (char.IsSurrogate(c) || char.IsControl(c) || char.GetUnicodeCategory(c) is UnicodeCategory.Format
                     or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator)
                sb.Append($"\\u{(int)c:X4}");
            else sb.Append(c);
        }
        return sb.ToString();
    }
}
