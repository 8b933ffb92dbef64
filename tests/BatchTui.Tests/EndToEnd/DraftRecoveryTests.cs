using BatchTui.Tests.Results;

namespace BatchTui.Tests.EndToEnd;

/// <summary>What was typed survives the app being killed: the next start offers the draft back.</summary>
public sealed class DraftRecoveryTests
{
    [Fact]
    public void A_draft_typed_before_kill_9_is_offered_and_restored_on_the_next_start()
    {
        using var home = new TempFolder();
        string drafts = Path.Combine(home.Path, ".local", "state", "batchtui", "drafts");
        const string typed = """{"custom_id":"survivor-1","params":{"model":"claude-haiku-4-5","max_tokens":9,"messages":[{"role":"user","content":"still here"}]}}""";

        // No key: the built-in simulator, as a new user would start it.
        using (TmuxApp first = TmuxApp.Start(home.Path, "", new Dictionary<string, string>()))
        {
            first.WaitFor("Batches · page 1");
            first.Keys("n").WaitFor("Form");
            first.Keys("F4").WaitFor("Requests: JSONL");
            first.Type(typed);
            first.WaitFor("survivor-1");
            // The autosave is on the app's own (real) clock: wait for the file, then pull the plug.
            first.WaitUntil(_ => Directory.Exists(drafts) && Directory.EnumerateFiles(drafts).Any(f => File.ReadAllText(f).Contains("survivor-1")), "the draft on disk");
            first.KillHard();
            Assert.Equal(137, first.WaitForExit());
        }

        using TmuxApp second = TmuxApp.Start(home.Path, "", new Dictionary<string, string>());
        second.WaitFor("Batches · page 1");
        second.Keys("n").WaitFor("unsent draft from");
        Assert.Contains("F6 restore", second.Screen());
        second.Keys("F6").WaitFor("survivor-1");
        Assert.Contains("\"max_tokens\":9", second.Screen()); // the line is wider than the screen: check its middle
        second.Keys("Escape").WaitFor("Batches · page 1");
        second.Keys("q");
        Assert.Equal(0, second.WaitForExit());
    }
}
