using BatchTui.Core.Api;
using BatchTui.Core.State;
using BatchTui.Tests.Results;
using BatchTui.Tests.Support;
using BatchTui.Tui.Batches;
using Terminal.Gui.Input;

namespace BatchTui.Tests.Shell;

/// <summary>
/// A bug in a pane (a key handler, a draw, background work) never ends the app: the pane says what failed, the rest
/// keeps working, and a private, escaped crash report without the key is written.
/// </summary>
public sealed class CrashContainmentTests
{
    private const string Secret = "sk-ant-api03-crash-SECRET-7";

    private static (TuiDriver T, ThrowingPane Pane, string Dir) Start(World w, TempFolder home)
    {
        string dir = Path.Combine(home.Path, "state", "batchtui");
        var crashes = new CrashLog(dir, new ApiKey(Secret), w.Time);
        var t = TuiDriver.Start(w.Api, w.Time, 120, 30, crashes: crashes);
        var pane = new ThrowingPane(Secret);
        t.Shell.Push(pane);
        t.Settle().ExpectLine(ThrowingPane.Content);
        return (t, pane, dir);
    }

    private static string SingleReport(string dir)
    {
        string[] reports = Directory.GetFiles(dir, "crash-*.log");
        Assert.Single(reports);
        return reports[0];
    }

    private static void AssertPrivateAndClean(string dir, string report)
    {
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(dir));
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(report));
        }
        string text = File.ReadAllText(report);
        Assert.DoesNotContain(Secret, text);
        Assert.Contains("[redacted]", text);
        Assert.DoesNotContain(text, c => c != '\n' && (char.IsControl(c) || char.GetUnicodeCategory(c) == System.Globalization.UnicodeCategory.Format));
        Assert.Contains("\\u001B", text); // the escape is there, as text
        Assert.Contains("   at ", text);  // with the stack trace
    }

    [Fact]
    public async Task A_key_handler_that_throws_shows_the_error_and_the_app_keeps_running()
    {
        using var home = new TempFolder();
        await using World w = await World.StartAsync();
        var (t, pane, dir) = Start(w, home);
        using (t)
        {
            t.Press("x").ExpectFlash("key x failed: InvalidOperationException: boom").ExpectLine(ThrowingPane.Content);
            string report = SingleReport(dir);
            Assert.DoesNotContain(Secret, t.Screen());
            AssertPrivateAndClean(dir, report);
            Assert.Contains("where: key x", File.ReadAllText(report));

            // The rest of the app works: back to the list, whose keys move the selection; the error went with its pane.
            string second = t.Pane.Model.State.Visible[1].Id;
            t.Press(Key.Esc).Press("j").ExpectSelected(second).ExpectNoLine("boom");
        }
    }

    [Fact]
    public async Task A_draw_that_throws_shows_the_error_in_place_of_the_pane_without_redrawing_it_forever()
    {
        using var home = new TempFolder();
        await using World w = await World.StartAsync();
        var (t, pane, dir) = Start(w, home);
        using (t)
        {
            pane.ThrowOnDraw = true;
            pane.View.SetNeedsDraw();
            t.Settle().Settle();
            t.ExpectLine("✗ drawing throwing pane failed: ArgumentException: Only valid Unicode scalar values")
             .ExpectLine("Esc goes back").ExpectHeader("BatchTui").ExpectNoLine(ThrowingPane.Content);
            string report = SingleReport(dir);
            AssertPrivateAndClean(dir, report);
            Assert.Contains(Path.GetFileName(report), string.Concat(t.Lines().Select(l => l.Trim())));
            Assert.DoesNotContain(Secret, t.Screen());

            // The failed pane is not drawn again by the loop (no redraw storm): ticks and redraws leave it alone.
            int draws = pane.Draws;
            t.Advance(TimeSpan.FromSeconds(3));
            t.Screen();
            Assert.Equal(draws, pane.Draws);

            // A key tries it once more: still broken, then fixed.
            t.Press("z").ExpectLine("✗ drawing throwing pane failed");
            Assert.Equal(draws + 1, pane.Draws);
            Assert.Single(Directory.GetFiles(dir, "crash-*.log")); // the same failure is reported once
            pane.ThrowOnDraw = false;
            t.Press("z").ExpectLine(ThrowingPane.Content).ExpectNoLine("✗ drawing");

            // And Esc still leaves it.
            t.Press(Key.Esc).ExpectLine("Batches · page 1");
            Assert.IsType<BatchesPane>(t.Shell.Top);
        }
    }

    [Fact]
    public async Task Background_work_that_throws_a_bug_is_reported_and_flashed()
    {
        using var home = new TempFolder();
        await using World w = await World.StartAsync();
        var (t, pane, dir) = Start(w, home);
        using (t)
        {
            t.Shell.Run(_ => throw new NullReferenceException($"bug \u001b[6n near {Secret}"));
            t.Settle().ExpectFlash("background work of throwing pane failed: NullReferenceException: bug");
            AssertPrivateAndClean(dir, SingleReport(dir));

            // Posted work on the UI loop is guarded the same way.
            t.Shell.Post(() => throw new FormatException("posted"));
            t.Settle().ExpectFlash("posted work failed: FormatException: posted").ExpectLine(ThrowingPane.Content);
            Assert.Equal(2, Directory.GetFiles(dir, "crash-*.log").Length);
        }
    }

    [Fact]
    public async Task An_api_error_in_background_work_is_flashed_with_its_request_id_and_no_report()
    {
        using var home = new TempFolder();
        await using World w = await World.StartAsync();
        var (t, pane, dir) = Start(w, home);
        using (t)
        {
            t.Shell.Run(_ => throw new BatchApiException(500, "api_error", "Internal server error", "req_011CrashTest"));
            t.Settle().ExpectFlash("500 api_error: Internal server error · request-id req_011CrashTest");
            Assert.False(Directory.Exists(dir) && Directory.GetFiles(dir, "crash-*.log").Length > 0);
        }
    }
}
