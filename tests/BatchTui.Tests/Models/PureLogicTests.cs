using BatchTui.Core.Api;
using BatchTui.Core.Text;
using BatchTui.Tui.Batches;
using BatchTui.Tui.Widgets;

namespace BatchTui.Tests.Models;

/// <summary>The small pure pieces the screens are made of: formatting, bars, filter parsing, backoff, action rules.</summary>
public class PureLogicTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 2, 9, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(0.4, "now")]
    [InlineData(45, "45s")]
    [InlineData(59.9, "59s")]
    [InlineData(60, "1m")]
    [InlineData(3 * 3600 + 59, "3h")]
    [InlineData(86400 * 2 + 5, "2d")]
    public void Short_durations_use_the_largest_unit(double seconds, string expected) =>
        Assert.Equal(expected, RelativeTime.Short(TimeSpan.FromSeconds(seconds)));

    [Fact]
    public void Relative_times_read_ago_and_in()
    {
        Assert.Equal("3h ago", RelativeTime.From(Now.AddHours(-3).AddMinutes(-10), Now));
        Assert.Equal("in 21h", RelativeTime.From(Now.AddHours(21).AddMinutes(5), Now));
        Assert.Equal("1h 05m ago", RelativeTime.FromPrecise(Now.AddMinutes(-65), Now));
        Assert.Equal("2026-12-02 09:00:00 UTC", RelativeTime.Absolute(Now, TimeZoneInfo.Utc));
        TimeZoneInfo plus2 = TimeZoneInfo.CreateCustomTimeZone("test+2", TimeSpan.FromHours(2), "test+2", "test+2");
        Assert.Equal("2026-12-02 11:00:00 +02:00", RelativeTime.Absolute(Now, plus2));
    }

    [Fact]
    public void Count_bar_fills_the_width_and_never_hides_a_non_zero_count()
    {
        int[] cells = CountBar.Cells([9_990, 10, 0, 0, 0], 20);
        Assert.Equal(20, cells.Sum());
        Assert.Equal(1, cells[1]); // 0.1% errored still gets a cell
        Assert.Equal([0, 0, 0, 0, 0], CountBar.Cells([0, 0, 0, 0, 0], 20));
        string bar = string.Concat(CountBar.Spans(new RequestCounts(Processing: 5, Succeeded: 5, Errored: 0, Canceled: 0, Expired: 0), 10).Select(s => s.Text));
        Assert.Equal("█████·····", bar);
        Assert.Equal("50.0%", CountBar.Percent(1, 2));
        Assert.Equal("100%", CountBar.Percent(2, 2));
    }

    [Theory]
    [InlineData("ended", "", BatchStatus.Ended)]
    [InlineData("status:canceling 01ab", "01ab", BatchStatus.Canceling)]
    [InlineData("s:in_progress", "", BatchStatus.InProgress)]
    [InlineData("in-progress xyz", "xyz", BatchStatus.InProgress)]
    [InlineData("msgbatch_01", "msgbatch_01", null)]
    [InlineData("", "", null)]
    public void Filter_text_picks_a_status_and_an_id_substring(string text, string id, BatchStatus? status)
    {
        BatchFilter f = BatchFilter.Parse(text);
        Assert.Equal(id, f.IdContains);
        Assert.Equal(status, f.Status);
        Assert.Equal(f, BatchFilter.Parse(f.ToPromptText()));
    }

    [Fact]
    public void Backoff_doubles_to_a_cap_and_honours_retry_after()
    {
        var p = RefreshPolicy.Every(TimeSpan.FromSeconds(5));
        Assert.Equal(TimeSpan.FromSeconds(5), p.DelayAfter(0));
        Assert.Equal(TimeSpan.FromSeconds(10), p.DelayAfter(1));
        Assert.Equal(TimeSpan.FromSeconds(20), p.DelayAfter(2));
        Assert.Equal(TimeSpan.FromMinutes(2), p.DelayAfter(10));
        Assert.Equal(TimeSpan.FromSeconds(30), p.DelayAfter(1, retryAfter: TimeSpan.FromSeconds(30)));
        Assert.Equal(TimeSpan.FromSeconds(20), p.DelayAfter(2, retryAfter: TimeSpan.FromSeconds(3)));
    }

    [Fact]
    public void A_cut_id_drops_the_prefix_first_then_the_middle()
    {
        const string id = "msgbatch_013Zva2CMHLNnXjNJJKqJ2EF";
        Assert.Equal(id, BatchRowRenderer.ShortId(id, 33));
        Assert.Equal("013Zva2CMHLNnXjNJJKqJ2EF", BatchRowRenderer.ShortId(id, 24));
        Assert.Equal(16, BatchRowRenderer.ShortId(id, 16).Length);
        Assert.StartsWith("013Zv…", BatchRowRenderer.ShortId(id, 16));
        Assert.EndsWith("JJKqJ2EF", BatchRowRenderer.ShortId(id, 16));
    }
}
