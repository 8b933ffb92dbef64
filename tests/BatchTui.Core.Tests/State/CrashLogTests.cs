using BatchTui.Core.Api;
using BatchTui.Core.State;
using Microsoft.Extensions.Time.Testing;

namespace BatchTui.Core.Tests.State;

public sealed class CrashLogTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "crashlog-" + Guid.NewGuid().ToString("N"));
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 6, 4, 5, 6, TimeSpan.Zero));

    public void Dispose()
    {
        if (Directory.Exists(_root)) Directory.Delete(_root, recursive: true);
    }

    private static Exception Thrown(Exception e)
    {
        try { throw e; }
        catch (Exception caught) { return caught; }
    }

    [Fact]
    public void Writes_a_private_escaped_report_with_the_request_id_and_without_the_key()
    {
        var log = new CrashLog(Path.Combine(_root, "batchtui"), new ApiKey("sk-secret-1"), _time);
        var api = new BatchApiException(500, "api_error", "bad \u001b]52;c;aGk=\u0007 sk-secret-1", "req_42");
        string? path = log.Write(Thrown(new InvalidOperationException("wrapped \u202Etxt.exe", api)), "drawing \u009b results");

        Assert.Equal(Path.Combine(_root, "batchtui", "crash-20261206T040506.000Z.log"), path);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path!));
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(Path.GetDirectoryName(path)!));
        }
        string text = File.ReadAllText(path!);
        Assert.Contains("where: drawing \\u009B results", text);
        Assert.Contains("request-id: req_42", text);
        Assert.Contains("wrapped \\u202Etxt.exe", text);
        Assert.Contains("bad \\u001B]52;c;aGk=\\u0007 [redacted]", text);
        Assert.DoesNotContain("sk-secret-1", text);
        Assert.DoesNotContain(text, c => c != '\n' && char.IsControl(c));
    }

    [Fact]
    public void A_key_of_a_profile_switched_to_later_is_redacted_too()
    {
        var log = new CrashLog(Path.Combine(_root, "batchtui"), new ApiKey("sk-first-1"), _time);
        log.AlsoScrub(new ApiKey("sk-second-2"));
        string? path = log.Write(Thrown(new InvalidOperationException("keys sk-first-1 and sk-second-2 in one message")), "refresh");

        string text = File.ReadAllText(path!);
        Assert.Contains("keys [redacted] and [redacted] in one message", text);
        Assert.DoesNotContain("sk-first-1", text);
        Assert.DoesNotContain("sk-second-2", text);
    }

    [Fact]
    public void The_same_failure_is_written_once_and_reports_are_capped()
    {
        var log = new CrashLog(_root, null, _time);
        Exception e = Thrown(new InvalidOperationException("x"));
        string? first = log.Write(e, "key x");
        Assert.Equal(first, log.Write(e, "key x"));
        Assert.Single(Directory.GetFiles(_root));
        for (int i = 0; i < CrashLog.MaxReports + 5; i++) log.Write(Thrown(new InvalidOperationException("x")), $"key {i}");
        Assert.Equal(CrashLog.MaxReports, Directory.GetFiles(_root, "crash-*.log").Length); // same second: numbered, never overwritten
    }

    [Fact]
    public void A_report_that_cannot_be_written_is_not_a_second_failure()
    {
        string file = Path.Combine(_root, "not-a-dir");
        Directory.CreateDirectory(_root);
        File.WriteAllText(file, "");
        Assert.Null(new CrashLog(file, null, _time).Write(new Exception("x"), "here"));
    }

    [Theory]
    [InlineData("a\u0000b\u007fc\u0085d\u200be\u2028f", "a\\u0000b\\u007Fc\\u0085d\\u200Be\\u2028f")]
    [InlineData("tab\tcr\r\nlf", "tab\\u0009cr\\u000D\nlf")]
    [InlineData("emoji 🎉 stays, back\\slash doubled", "emoji 🎉 stays, back\\\\slash doubled")]
    public void Escape_writes_controls_and_format_characters_as_text(string raw, string escaped) =>
        Assert.Equal(escaped, CrashLog.Escape(raw));

    [Fact]
    public void Escape_writes_a_lone_surrogate_as_text() =>
        Assert.Equal("lone \\uD800 surrogate", CrashLog.Escape("lone \ud800 surrogate"));
}
