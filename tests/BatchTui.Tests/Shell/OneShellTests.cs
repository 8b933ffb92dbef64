using BatchTui.Core.Api;
using BatchTui.Core.Results.Store;
using BatchTui.Tests.Results;
using BatchTui.Tests.Support;
using BatchTui.Tui.Results;
using BatchTui.Tui.Shell;
using Terminal.Gui.Input;
using Terminal.Gui.ViewBase;
using Attribute = Terminal.Gui.Drawing.Attribute;

namespace BatchTui.Tests.Shell;

/// <summary>
/// The one shell: actions disabled by a state rule say why (in help and when pressed), read-only removes what is
/// dangerous, <c>open FILE</c> runs in it, and a pane's background work ends with the pane.
/// </summary>
[Collection("Results UI")]
public sealed class OneShellTests
{
    private static MessageBatch SelectRunning(TuiDriver t)
    {
        MessageBatch running = t.Pane.Model.State.Visible.First(b => b.Status == BatchStatus.InProgress);
        int index = t.Pane.Model.State.Visible.ToList().FindIndex(b => b.Id == running.Id);
        t.Press("g");
        for (int i = 0; i < index; i++) t.Press("j");
        t.ExpectSelected(running.Id);
        return running;
    }

    private static Attribute AttributeAt(TuiDriver t, string lineContains, string cellText)
    {
        string[] lines = t.Lines();
        int row = Array.FindIndex(lines, l => l.Contains(lineContains, StringComparison.Ordinal));
        Assert.True(row >= 0, $"no line contains \"{lineContains}\":\n{string.Join('\n', lines)}");
        int col = lines[row].IndexOf(cellText, StringComparison.Ordinal);
        return t.App.Driver!.Contents![row, col].Attribute!.Value;
    }

    [Fact]
    public async Task Help_at_80x24_shows_a_disabled_action_dimmed_with_its_reason()
    {
        await using World w = await World.StartAsync();
        using var t = TuiDriver.Start(w.Api, w.Time, 80, 24);
        MessageBatch running = SelectRunning(t);
        t.Press("?").ExpectLine("Help: Batches").Press(Key.PageDown) // 80x24 shows the first half of the keys
         .ExpectLine("delete the batch (asks first)")
         .ExpectLine("disabled: only an ended batch can be deleted:")
         .ExpectLine(running.Id);
        // Cancel is allowed for a batch in progress: its row is drawn as usual, delete's dimmed.
        t.ExpectLine("cancel the batch (asks first)").ExpectNoLine("disabled: " + running.Id + " has ended");
        Assert.NotEqual(AttributeAt(t, "cancel the batch", "cancel the batch"), AttributeAt(t, "delete the batch", "delete the batch"));
        Assert.Equal(AttributeAt(t, "disabled: only an ended", "disabled"), AttributeAt(t, "delete the batch", "delete the batch"));
        Assert.All(t.Lines(), l => Assert.True(l.Length <= 80, l));
    }

    [Fact]
    public async Task Pressing_d_on_a_batch_in_progress_flashes_why_and_asks_nothing()
    {
        await using World w = await World.StartAsync();
        using var t = TuiDriver.Start(w.Api, w.Time, 120, 35);
        MessageBatch running = SelectRunning(t);
        t.Press("d").ExpectFlash("only an ended batch can be deleted").ExpectFlash(running.Id).ExpectNoLine("[y] yes");
        Assert.False(t.Shell.ConfirmOpen);
        // The hint stays, dimmed: the key is there but says why.
        t.ExpectLine(" d delete ");
    }

    private static async Task<MessageBatch> EndedWithFailures(World w) =>
        (await w.AllBatchesAsync()).First(b => b.ResultsAvailable && b.Counts.Errored + b.Counts.Expired + b.Counts.Canceled > 0);

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Read_only_hides_retry_failed_in_the_results(bool readOnly)
    {
        using var dir = new TempFolder();
        await using World w = await World.StartAsync();
        MessageBatch batch = await EndedWithFailures(w);
        var retried = new List<string>();
        var store = new ResultsStore(Path.Combine(dir.Path, "cache"), w.Time);
        using var t = TuiDriver.With(shell => ResultsPane.ForBatch(shell, w.Api, batch, store, (id, _) => retried.Add(id)), w.Api.BaseUrl, 160, 35, readOnly);
        t.ExpectLine($"indexed {batch.Counts.Total:N0} rows");
        if (!readOnly)
        {
            t.ExpectLine("R retry failed").ExpectNoLine("download again");
            t.Press(Key.R.WithShift);
            Assert.Equal([batch.Id], retried);
            return;
        }
        t.ExpectNoLine("retry failed").ExpectNoLine("download again");
        t.Press("?").ExpectLine($"Help: results {batch.Id}").ExpectLine("read-only mode").ExpectNoLine("retry failed").Press(Key.Esc);
        t.Press(Key.R.WithShift).ExpectFlash("read-only: \"retry failed\" is turned off");
        Assert.Empty(retried);
    }

    [Fact]
    public void Open_FILE_runs_the_app_shell_naming_the_file_and_Esc_at_its_root_quits()
    {
        using var dir = new TempFolder();
        string path = ResultsFixtures.WriteNamed(dir.Path, "evals-march.jsonl",
            ResultsFixtures.Succeeded("eval-001", ResultsFixtures.Text("Paris")), ResultsFixtures.Errored("eval-002", "overloaded_error", "Overloaded"));
        using var t = TuiDriver.Open(path, 80, 24);
        t.ExpectHeader("BatchTui  file evals-march.jsonl").ExpectLine("results evals-march.jsonl │ 2 results");
        Assert.DoesNotContain("http", t.Lines()[0]);
        Assert.DoesNotContain("Batches", t.Screen()); // no batch list under it
        Assert.Single(t.Shell.Panes);
        // The same shell's help, then Esc closes help, and Esc at the root quits.
        t.Press("?").ExpectLine("Help: results evals-march.jsonl").ExpectNoLine("read-only mode") // a file has nothing to take away
         .Press(Key.Esc).ExpectLine("2 results");
        Assert.False(t.Shell.Quitting.IsCancellationRequested);
        t.Press(Key.Esc);
        Assert.True(t.Shell.Quitting.IsCancellationRequested);
    }

    /// <summary>A pane whose only work waits in the background until its token is cancelled.</summary>
    private sealed class WaitingPane : IPane
    {
        public WaitingPane(IShell shell) => shell.Run(async ct =>
        {
            try { await Task.Delay(Timeout.Infinite, ct); }
            catch (OperationCanceledException) { Cancelled.TrySetResult(); throw; }
        }, this);

        public TaskCompletionSource Cancelled { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public string Title => "waiting";
        public View View { get; } = new() { CanFocus = true };
        public IReadOnlyList<KeyAction> Actions => [];
    }

    [Fact]
    public async Task A_panes_background_work_is_cancelled_when_it_is_popped_and_only_its_own()
    {
        await using World w = await World.StartAsync();
        using var t = TuiDriver.Start(w.Api, w.Time, 100, 30);
        var other = new WaitingPane(t.Shell); // never shown: its work is its own
        var pane = new WaitingPane(t.Shell);
        t.Shell.Push(pane);
        var started = new TaskCompletionSource(); // Run's owner defaults to the pane on top
        t.Shell.Run(async ct =>
        {
            try { await Task.Delay(Timeout.Infinite, ct); }
            catch (OperationCanceledException) { started.TrySetResult(); throw; }
        });
        Assert.Equal(3, t.Shell.PendingWork.Count);

        // Not through the driver's settle, which waits for all work: the other pane's never ends before quit.
        t.Shell.Pop();
        await pane.Cancelled.Task.WaitAsync(TimeSpan.FromSeconds(20));
        await started.Task.WaitAsync(TimeSpan.FromSeconds(20));
        Assert.False(other.Cancelled.Task.IsCompleted, "only the popped pane's work is cancelled");
        Assert.False(t.Shell.Quitting.IsCancellationRequested);
        t.App.TimedEvents!.RunTimers();
        t.ExpectSelected(t.Pane.Model.State.SelectedId!).ExpectFlash(""); // back on the list; a cancelled pane's work flashes nothing
        Assert.Equal("", t.Lines()[^2].Trim());

        t.Shell.Quit(); // quitting ends the rest
        await other.Cancelled.Task.WaitAsync(TimeSpan.FromSeconds(20));
    }
}
