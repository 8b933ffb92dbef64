using BatchTui.Core.Api;
using BatchTui.Tests.Results;

namespace BatchTui.Tests.EndToEnd;

/// <summary>
/// The built app in tmux against <c>batchtui simulate</c> running as its own process: what a user at an ssh
/// terminal sees and does. The server's side of each story is checked through the service layer.
/// </summary>
public sealed class RealTerminalTests : IAsyncLifetime
{
    private SimulatorProcess _sim = null!;
    private TempFolder _home = null!;

    public async Task InitializeAsync()
    {
        _home = new TempFolder();
        _sim = await SimulatorProcess.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _sim.DisposeAsync();
        _home.Dispose();
    }

    private TmuxApp Start(string flags = "", int cols = 120, int rows = 35, string term = "xterm-256color") =>
        TmuxApp.Start(_home.Path, $"--base-url {_sim.BaseUrl} --api-key-env {SimulatorProcess.KeyVariable} --page-size 10 {flags}",
            new Dictionary<string, string> { [SimulatorProcess.KeyVariable] = _sim.Key }, cols, rows, term);

    /// <summary>The row of the batch list that shows this id (the id is in full at 120 columns).</summary>
    private static string Row(string screen, string id) =>
        screen.Split('\n').FirstOrDefault(l => l.Contains(id, StringComparison.Ordinal) && !l.Contains("Detail", StringComparison.Ordinal)) ?? "";

    private static void JumpTo(TmuxApp app, string id)
    {
        app.Keys(":").WaitFor(":");
        app.Type(id).Keys("Enter");
        app.WaitFor($"Detail · {id}");
    }

    [Fact]
    public async Task List_paging_cancel_and_delete_work_in_a_real_terminal()
    {
        List<MessageBatch> all = await _sim.AllBatchesAsync();
        using TmuxApp app = Start();

        // Every check is a wait on the screen: a capture can land in the middle of a frame being written.
        app.WaitFor(all[0].Id);
        app.WaitUntil(s => s.Contains("page 1") && s.Split('\n')[0].Contains(_sim.BaseUrl.Authority) && s.Contains("? help"),
            "page 1, the base URL in the header and the help hint");

        // Paging: older with l (after_id), back with h (before_id).
        app.Keys("l").WaitUntil(s => s.Contains("page 2") && s.Contains($"Detail · {all[10].Id}") && s.Contains(all[19].Id)
            && Row(s, all[0].Id) == "", "page 2 (batches 11-20) with its first batch selected");
        app.Keys("h").WaitUntil(s => s.Contains("page 1") && s.Contains($"Detail · {all[0].Id}") && s.Contains(all[9].Id)
            && Row(s, all[10].Id) == "", "page 1 again");

        // Cancel: asks naming the id, then the row says canceling, and so does the server.
        MessageBatch running = all.First(b => b.Status == BatchStatus.InProgress);
        JumpTo(app, running.Id);
        app.Keys("c").WaitFor($"Cancel {running.Id}?");
        app.Keys("y").WaitUntil(s => Row(s, running.Id).Contains("canceling", StringComparison.Ordinal), "the row showing canceling");
        Assert.Equal(BatchStatus.Canceling, (await _sim.Api.GetAsync(running.Id)).Status);

        // Delete an ended batch: asks, then it is gone from the list and from the server.
        MessageBatch ended = all.First(b => b.Status == BatchStatus.Ended);
        JumpTo(app, ended.Id);
        app.Keys("d").WaitFor($"Delete {ended.Id}?");
        app.Keys("y").WaitUntil(s => s.Contains($"deleted {ended.Id}") && Row(s.Replace($"deleted {ended.Id}", ""), ended.Id) == "",
            "the flash and the row gone");
        var gone = await Assert.ThrowsAsync<BatchApiException>(() => _sim.Api.GetAsync(ended.Id));
        Assert.Equal(404, gone.Status);

        app.Keys("q");
        Assert.Equal(0, app.WaitForExit());
    }

    [Fact]
    public async Task Read_only_hides_cancel_and_delete_and_they_send_nothing()
    {
        List<MessageBatch> all = await _sim.AllBatchesAsync();
        MessageBatch running = all.First(b => b.Status == BatchStatus.InProgress);
        using TmuxApp app = Start("--read-only");

        app.WaitUntil(s => s.Contains(all[0].Id) && s.Split('\n')[0].Contains("[read-only]") && s.Contains("? help"), "the list in read-only mode");
        string screen = app.Screen();
        Assert.DoesNotContain("c cancel", screen);
        Assert.DoesNotContain("d delete", screen);

        JumpTo(app, running.Id);
        app.Keys("c").WaitFor("read-only: \"cancel\" is turned off");
        app.Keys("d").WaitFor("read-only: \"delete\" is turned off");
        Assert.DoesNotContain($"Cancel {running.Id}?", app.Screen());
        Assert.Equal(BatchStatus.InProgress, (await _sim.Api.GetAsync(running.Id)).Status);

        app.Keys("?").WaitFor("read-only mode");
        Assert.DoesNotContain("cancel the batch", app.Screen());
        app.Keys("q");
        Assert.Equal(0, app.WaitForExit());
    }

    [Theory]
    [InlineData("xterm")]
    [InlineData("xterm-256color")]
    public async Task At_80x24_the_list_and_help_fit_and_ctrl_c_restores_the_terminal(string term)
    {
        List<MessageBatch> all = await _sim.AllBatchesAsync();
        using TmuxApp app = Start(cols: 80, rows: 24, term: term);

        // Ids are cut from the left at 80 columns; the unique tail stays.
        app.WaitUntil(s => s.Contains("Batches · page 1") && s.Contains(all[0].Id[^24..]) && s.Contains("? help  q quit")
            && s.Split('\n')[0].Contains("refresh"), "the list at 80x24 with its hints and the refresh state");
        app.Keys("?").WaitFor("Help: Batches");
        app.Keys("C-c");
        Assert.Equal(0, app.WaitForExit());
        // The terminal is back in cooked mode: what is typed now echoes (in raw mode it would not).
        app.Type("typed-after-exit");
        app.WaitFor("typed-after-exit");
    }
}
