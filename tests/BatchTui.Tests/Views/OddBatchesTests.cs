using BatchTui.Core.Api;
using BatchTui.Core.Text;
using BatchTui.Tests.Support;
using BatchTui.Tui.Widgets;
using System.Collections.Concurrent;
using Terminal.Gui.Input;
using static BatchTui.Tests.Support.Matchers;

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

    private static Story Down(Story t, int rows)
    {
        for (int i = 0; i < rows; i++) t.Press("j");
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
        await using World w = await World.StartAsync();
        List<MessageBatch> all = await w.AllBatchesAsync();
        int at = all.FindIndex(1, b => b.ResultsAvailable);
        int next = all.FindIndex(at + 1, b => b.ResultsAvailable);
        var api = new DoctoredApi(w.Api, all[at].Id, b => b with { Id = odd });
        using Story t = Story.On(w, 140, 35, api: api);
        // The odd batch is the selected row, between its neighbours.
        Down(t, at).Batches().ContainsLines(Contains(all[at - 1].Id), DoesNotContain("msgbatch_01").IsSelected(), Contains(all[at + 1].Id));

        t.Press(Key.Enter).Flash().Contains(why).Contains("its results are not opened");
        t.Batches().SelectedLine(DoesNotContain("msgbatch_01")); // still on the list: nothing opened
        t.Press("d").Flash().Contains(why).Contains("refusing to delete");
        t.NoConfirm().Batches().SelectedLine(DoesNotContain("msgbatch_01")); // no confirmation asked for
        t.Press("c").Flash().Contains("refusing to cancel");
        Assert.DoesNotContain(api.Calls, c => !c.StartsWith("GET msgbatch_", StringComparison.Ordinal));
        string cache = Path.Combine(t.Folder, "cache");
        Assert.True(!Directory.Exists(cache) || Directory.GetFileSystemEntries(cache).Length == 0, "nothing was written to the results cache");

        // The rest works: refresh, moving on, opening the next ended batch's results.
        t.Wait(TimeSpan.FromSeconds(6)).Flash().DoesNotContain("error");
        Down(t, next - at).Batches().SelectedLine(Contains(all[next].Id)).Enter();
        t.Results().Of(all[next].Id).Loaded();
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
        using Story t = Story.On(w, 120, 35, api: api);
        Down(t, 2).Batches().Title(Contains("Batches · page 1")).SelectedLine(Contains(target.Id))
         .Detail().Contains($"{long.MaxValue:N0} total");
        // Four maxed kinds share the bar evenly and fill it; a negative count (no batch has one) gets no cell.
        Assert.Equal([5, 5, 0, 5, 5], CountBar.Cells([long.MaxValue, long.MaxValue, 3, long.MaxValue, long.MaxValue], 20));
        Assert.Equal([0, 10, 0, 0, 0], CountBar.Cells([-5, 10, 0, 0, 0], 10));
        Assert.Equal(10, string.Concat(CountBar.Single(long.MaxValue, 3, 10, 0).Select(s => s.Text)).Length);
    }

    [Fact]
    public async Task A_malformed_row_says_so_refuses_its_actions_and_is_not_fetched_again()
    {
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
        using Story t = Story.On(w, 140, 35, api: api);
        Down(t, at).Batches().SelectedLine(Contains(target.Id).And(Contains("malformed")).And(Contains("unreadable")));
        t.Press(Key.Enter).Flash().Contains($"batch '{target.Id}' is malformed (request_counts.processing");
        t.Batches().SelectedLine(Contains(target.Id)); // still on the list: nothing opened
        t.Press("c").Flash().Contains("refusing to cancel");
        t.NoConfirm().Batches().SelectedLine(Contains(target.Id));

        api.Calls.Clear();
        t.Wait(TimeSpan.FromSeconds(6));
        // The other live batches are fetched again; the malformed one is not (its fetch would fail the refresh).
        Assert.NotEmpty(api.Calls);
        Assert.DoesNotContain($"GET {target.Id}", api.Calls);
        t.Batches().SelectedLine(Contains(target.Id));
        t.Flash().DoesNotContain("error");
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
