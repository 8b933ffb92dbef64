using System.Collections.Concurrent;
using BatchTui.Core.Api;
using BatchTui.Core.Text;
using BatchTui.Core.Results.Store;
using BatchTui.Tests.Results;
using BatchTui.Tests.Support;
using BatchTui.Tui.Batches;
using BatchTui.Tui.Results;
using BatchTui.Tui.Shell;
using BatchTui.Tui.Widgets;
using Terminal.Gui.Input;

namespace BatchTui.Tests.Views;

/// <summary>
/// Batches a misbehaving server lists: odd ids, counts that overflow when summed, a malformed item. Each renders as
/// text, and only its own actions fail, with a message; the rest of the app goes on working.
/// </summary>
public class OddBatchesTests
{
    /// <summary>The simulator's list with one batch doctored as a misbehaving server would send it.</summary>
    private sealed class DoctoredApi(IBatchesApi inner, string targetId, Func<MessageBatch, MessageBatch> doctor) : IBatchesApi
    {
        public ConcurrentQueue<string> Calls { get; } = new();
        public Uri BaseUrl => inner.BaseUrl;
        private MessageBatch Fix(MessageBatch b) => b.Id == targetId ? doctor(b) : b;

        public async Task<BatchPage> ListAsync(PageRequest request, CancellationToken ct = default)
        {
            BatchPage page = await inner.ListAsync(request, ct);
            return page with { Data = page.Data.Select(Fix).ToList() };
        }

        public Task<MessageBatch> GetAsync(string batchId, CancellationToken ct = default) { Calls.Enqueue($"GET {batchId}"); return inner.GetAsync(batchId, ct); }
        public Task<MessageBatch> CreateAsync(BatchCreateRequest request, CancellationToken ct = default) => inner.CreateAsync(request, ct);
        public Task<MessageBatch> CancelAsync(string batchId, CancellationToken ct = default) { Calls.Enqueue($"CANCEL {batchId}"); return inner.CancelAsync(batchId, ct); }
        public Task<string> DeleteAsync(string batchId, CancellationToken ct = default) { Calls.Enqueue($"DELETE {batchId}"); return inner.DeleteAsync(batchId, ct); }
        public Task<Stream> OpenResultsAsync(string batchId, CancellationToken ct = default) { Calls.Enqueue($"RESULTS {batchId}"); return inner.OpenResultsAsync(batchId, ct); }
        public IAsyncEnumerable<ReadOnlyMemory<byte>> ResultLinesAsync(string batchId, CancellationToken ct = default) => inner.ResultLinesAsync(batchId, ct);
    }

    private static PaneFactories Results(ResultsStore store) =>
        new(Results: (shell, api, batch, _) => ResultsPane.ForBatch(shell, api, batch, store));

    private static TuiDriver SelectRow(TuiDriver t, int index)
    {
        for (int i = 0; i < index; i++) t.Press("j");
        return t;
    }

    [Theory]
    [InlineData("../x", "holds '.'")]
    [InlineData("a/b", "holds '/'")]
    // An id holding ESC: the store test covers the refusal; its row is drawn by the text sanitiser (issue 13, h1).
    [InlineData("msgbatch_nul\0x", "holds a NUL character")]
    [InlineData(null, "is 10,000 characters long")]
    public async Task Enter_cancel_and_delete_on_a_batch_whose_id_the_cache_rejects_flash_a_message_and_the_app_goes_on(string? odd, string why)
    {
        odd ??= new string('7', 10_000);
        using var dir = new TempFolder();
        await using World w = await World.StartAsync();
        List<MessageBatch> all = await w.AllBatchesAsync();
        int at = all.FindIndex(1, b => b.ResultsAvailable);
        int next = all.FindIndex(at + 1, b => b.ResultsAvailable);
        var api = new DoctoredApi(w.Api, all[at].Id, b => b with { Id = odd });
        using var t = TuiDriver.Start(api, w.Time, 140, 35, factories: Results(new ResultsStore(dir.Path, w.Time)));
        SelectRow(t, at);
        Assert.Equal(odd, t.Pane.Model.State.SelectedId);

        t.Press(Key.Enter).ExpectFlash(why).ExpectFlash("its results are not opened");
        Assert.Same(t.Pane, t.Shell.Top);
        t.Press("d").ExpectFlash(why).ExpectFlash("refusing to delete");
        Assert.Same(t.Pane, t.Shell.Top); // no confirmation asked for
        t.Press("c").ExpectFlash("refusing to cancel");
        Assert.DoesNotContain(api.Calls, c => !c.StartsWith("GET msgbatch_", StringComparison.Ordinal));
        Assert.Empty(Directory.GetFileSystemEntries(dir.Path));

        // The rest works: refresh, moving on, opening the next ended batch's results.
        t.Advance(TimeSpan.FromSeconds(6));
        Assert.DoesNotContain("error", t.Lines()[^2], StringComparison.Ordinal);
        SelectRow(t, next - at).ExpectSelected(all[next].Id).Press(Key.Enter);
        var results = Assert.IsType<ResultsPane>(t.Shell.Top);
        t.Until(() => results.Ready.IsCompleted, "results open");
        Assert.Contains($"results {all[next].Id}", t.Screen());
    }

    [Fact]
    public async Task Counts_that_overflow_long_when_summed_draw_as_a_full_bar_and_the_saturated_total()
    {
        await using World w = await World.StartAsync();
        List<MessageBatch> all = await w.AllBatchesAsync();
        MessageBatch target = all[2];
        var api = new DoctoredApi(w.Api, target.Id, b => b with
        {
            Counts = new RequestCounts(long.MaxValue, long.MaxValue, long.MaxValue, 3, long.MaxValue),
        });
        using var t = TuiDriver.Start(api, w.Time, 120, 35);
        SelectRow(t, 2).ExpectSelected(target.Id)
            .ExpectLine($"{long.MaxValue:N0} total")
            .ExpectLine("Batches · page 1");
        // Four maxed kinds share the bar evenly and fill it; a negative count (no batch has one) gets no cell.
        Assert.Equal([5, 5, 0, 5, 5], CountBar.Cells([long.MaxValue, long.MaxValue, 3, long.MaxValue, long.MaxValue], 20));
        Assert.Equal([0, 10, 0, 0, 0], CountBar.Cells([-5, 10, 0, 0, 0], 10));
        Assert.Equal(10, string.Concat(CountBar.Single(long.MaxValue, 3, 10, 0).Select(s => s.Text)).Length);
    }

    [Fact]
    public async Task A_malformed_row_says_so_refuses_its_actions_and_is_not_fetched_again()
    {
        using var dir = new TempFolder();
        await using World w = await World.StartAsync();
        List<MessageBatch> all = await w.AllBatchesAsync();
        int at = all.FindIndex(b => b.Status == BatchStatus.InProgress);
        MessageBatch target = all[at];
        const string Reason = "request_counts.processing: expected a number, got a string";
        var api = new DoctoredApi(w.Api, target.Id, b => b with
        {
            Status = BatchStatus.Unknown,
            Counts = new RequestCounts(0, 0, 0, 0, 0),
            Malformed = Reason,
        });
        using var t = TuiDriver.Start(api, w.Time, 140, 35, factories: Results(new ResultsStore(dir.Path, w.Time)));
        SelectRow(t, at).ExpectSelected(target.Id);
        string row = t.Lines().Single(l => l.Contains(BatchRowRenderer.SelectedMarker.Trim(), StringComparison.Ordinal));
        Assert.Contains("malformed", row);
        Assert.Contains("unreadable", row);
        t.Press(Key.Enter).ExpectFlash($"batch '{target.Id}' is malformed (request_counts.processing");
        Assert.Same(t.Pane, t.Shell.Top);
        t.Press("c").ExpectFlash("refusing to cancel");
        Assert.Same(t.Pane, t.Shell.Top);

        api.Calls.Clear();
        t.Advance(TimeSpan.FromSeconds(6));
        // The other live batches are fetched again; the malformed one is not (its fetch would fail the refresh).
        Assert.NotEmpty(api.Calls);
        Assert.DoesNotContain($"GET {target.Id}", api.Calls);
        t.ExpectSelected(target.Id);
        Assert.DoesNotContain("error", t.Lines()[^2], StringComparison.Ordinal);
    }

    [Fact]
    public void Dates_at_the_edges_of_the_calendar_render_in_any_zone()
    {
        var east = TimeZoneInfo.CreateCustomTimeZone("plus5", TimeSpan.FromHours(5), "plus5", "plus5");
        var west = TimeZoneInfo.CreateCustomTimeZone("minus5", TimeSpan.FromHours(-5), "minus5", "minus5");
        Assert.Equal("9999-12-31 23:59:59 UTC", RelativeTime.Absolute(DateTimeOffset.MaxValue, east));
        Assert.Equal("0001-01-01 00:00:00 UTC", RelativeTime.Absolute(DateTimeOffset.MinValue, west));
        Assert.Equal("2026-12-02 14:00:00 +05:00", RelativeTime.Absolute(World.Start, east));
        Assert.StartsWith("in ", RelativeTime.From(DateTimeOffset.MaxValue, World.Start));
        Assert.EndsWith(" ago", RelativeTime.FromPrecise(DateTimeOffset.MinValue, World.Start));
    }
}
