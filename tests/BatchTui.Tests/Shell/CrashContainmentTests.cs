using BatchTui.Core.Api;
using BatchTui.Core.State;
using BatchTui.Tests.Results;
using BatchTui.Tests.Support;
using Terminal.Gui.Input;
using static BatchTui.Tests.Support.Matchers;

namespace BatchTui.Tests.Shell;

/// <summary>
/// A bug in a pane (a key handler, a draw, background work) never ends the app: the pane says what failed, the rest
/// keeps working, and a private, escaped crash report without the key is written.
/// </summary>
public sealed class CrashContainmentTests
{
    private const string Secret = "sk-ant-api03-crash-SECRET-7";

    // The app with a pane that throws where it is told to pushed over the list (a bug planted, not a user's step).
    private static (Story T, ThrowingPane Pane, string Dir) Start(World w, TempFolder home)
    {
        string dir = Path.Combine(home.Path, "state", "batchtui");
        var crashes = new CrashLog(dir, new ApiKey(Secret), w.Time);
        Story t = Story.On(w, 120, 30, crashes: crashes);
        var pane = new ThrowingPane(Secret);
        t.Driver.Shell.Push(pane);
        t.Driver.Settle();
        t.Sees(ThrowingPane.Content);
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
            t.Press("x").Flash().Contains("key x failed: InvalidOperationException: boom");
            t.Sees(ThrowingPane.Content);
            string report = SingleReport(dir);
            Assert.DoesNotContain(Secret, t.Screen());
            AssertPrivateAndClean(dir, report);
            Assert.Contains("where: key x", File.ReadAllText(report));

            // The rest of the app works: back to the list, whose keys move the selection; the error went with its pane.
            List<MessageBatch> all = await w.AllBatchesAsync();
            t.Press(Key.Esc).Press("j").Batches().TopLines(Contains(all[0].Id), Contains(all[1].Id).IsSelected());
            t.DoesNotSee("boom");
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
            t.Driver.Settle().Settle();
            t.Sees("✗ drawing throwing pane failed: ArgumentException: Only valid Unicode scalar values")
             .Sees("Esc goes back").DoesNotSee(ThrowingPane.Content)
             .Header().Contains("BatchTui");
            string report = SingleReport(dir);
            AssertPrivateAndClean(dir, report);
            Assert.Contains(Path.GetFileName(report), string.Concat(t.Lines().Select(l => l.Trim())));
            Assert.DoesNotContain(Secret, t.Screen());

            // The failed pane is not drawn again by the loop (no redraw storm): ticks and redraws leave it alone.
            int draws = pane.Draws;
            t.Wait(TimeSpan.FromSeconds(3));
            t.Screen();
            Assert.Equal(draws, pane.Draws);

            // A key tries it once more: still broken, then fixed.
            t.Press("z").Sees("✗ drawing throwing pane failed");
            Assert.Equal(draws + 1, pane.Draws);
            Assert.Single(Directory.GetFiles(dir, "crash-*.log")); // the same failure is reported once
            pane.ThrowOnDraw = false;
            t.Press("z").Sees(ThrowingPane.Content).DoesNotSee("✗ drawing");

            // And Esc still leaves it.
            t.Press(Key.Esc).Batches().Title(Contains("Batches · page 1"));
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
            t.Driver.Shell.Run(_ => throw new NullReferenceException($"bug \u001b[6n near {Secret}"));
            t.Driver.Settle();
            t.Flash().Contains("background work of throwing pane failed: NullReferenceException: bug");
            AssertPrivateAndClean(dir, SingleReport(dir));

            // Posted work on the UI loop is guarded the same way.
            t.Driver.Shell.Post(() => throw new FormatException("posted"));
            t.Driver.Settle();
            t.Flash().Contains("posted work failed: FormatException: posted");
            t.Sees(ThrowingPane.Content);
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
            t.Driver.Shell.Run(_ => throw new BatchApiException(500, "api_error", "Internal server error", "req_011CrashTest"));
            t.Driver.Settle();
            t.Flash().Contains("500 api_error: Internal server error · request-id req_011CrashTest");
            Assert.False(Directory.Exists(dir) && Directory.GetFiles(dir, "crash-*.log").Length > 0);
        }
    }
}
