using BatchTui.Tests.Results;
using System.Diagnostics;

namespace BatchTui.Tests.EndToEnd;

/// <summary>
/// Every way out gives the terminal back: the app in tmux (demo mode, its own simulator) gets a signal from outside;
/// afterwards the pane is off the alternate screen, mouse tracking is off and the tty is cooked again.
/// </summary>
public sealed class SignalTests : IDisposable
{
    private readonly TempFolder _home = new();

    public void Dispose() => _home.Dispose();

    private TmuxApp StartDemo()
    {
        TmuxApp app = TmuxApp.Start(_home.Path, "", new Dictionary<string, string>(), 100, 30);
        app.WaitUntil(s => s.Contains("page 1", StringComparison.Ordinal) && s.Contains("? help", StringComparison.Ordinal), "the batch list");
        Assert.Equal("1", app.Format("#{alternate_on}"));
        Assert.Equal("1", app.Format("#{mouse_any_flag}"));
        return app;
    }

    private static void AssertTerminalRestored(TmuxApp app)
    {
        Assert.Equal("0", app.Format("#{alternate_on}"));
        Assert.Equal("0", app.Format("#{mouse_any_flag}"));
        Assert.Equal("0", app.Format("#{mouse_button_flag}"));
        Assert.Equal("0", app.Format("#{mouse_standard_flag}"));
        Assert.Equal("1", app.Format("#{cursor_flag}"));
        string stty = app.Stty();
        Assert.Contains(" icanon", " " + stty.Replace('\n', ' '));
        Assert.DoesNotContain("-icanon", stty);
        Assert.DoesNotContain("-echo ", stty);
    }

    [Theory]
    [InlineData("HUP", 129)]   // an SSH connection dropping (with the pty still there: kill -HUP)
    [InlineData("QUIT", 0)]    // used to be ignored
    [InlineData("TERM", 0)]
    [InlineData("INT", 0)]
    public void A_signal_from_outside_quits_and_restores_the_terminal(string signal, int exitCode)
    {
        using TmuxApp app = StartDemo();
        app.Signal(signal);
        Assert.Equal(exitCode, app.WaitForExit());
        AssertTerminalRestored(app);
    }

    [Fact]
    public void When_the_terminal_goes_away_the_app_exits_instead_of_spinning()
    {
        TmuxApp app = StartDemo();
        int[] pids = [.. app.AppPids()];
        app.Dispose(); // closes the pty: the app gets SIGHUP and its input sees end of file
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(20) && pids.Any(p => Directory.Exists($"/proc/{p}"))) Thread.Sleep(100);
        Assert.False(pids.Any(p => Directory.Exists($"/proc/{p}")), "the app still runs 20 s after its terminal closed");
    }
}
