using BatchTui.Core.Results.Stats;
using CsCheck;

namespace BatchTui.Core.Tests.Stats;

public sealed class LogBucketsTests
{
    [Fact]
    public void Every_value_falls_in_its_bucket_and_buckets_tile_the_line()
    {
        Gen.Long[0, long.MaxValue / 100].Sample(v =>
        {
            int b = LogBuckets.Of(v);
            Assert.InRange(v, LogBuckets.From(b), LogBuckets.To(b) - 1);
            Assert.Equal(LogBuckets.To(b), LogBuckets.From(b + 1)); // no gap, no overlap
        });
    }

    [Fact]
    public void Buckets_follow_the_1_2_5_series_with_readable_labels()
    {
        Assert.Equal(["0", "1", "2–4", "5–9", "10–19", "20–49", "50–99", "100–199", "500–999", "1k–2k", "2k–5k", "1M–2M"],
            new long[] { 0, 1, 3, 7, 10, 49, 99, 150, 999, 1000, 4999, 1_500_000 }.Select(v => LogBuckets.Label(LogBuckets.Of(v))));
    }

    [Fact]
    public void A_bar_is_eighths_of_cells_and_any_share_shows()
    {
        Assert.Equal("", StatsBar.Of(0, 10));
        Assert.Equal("▏", StatsBar.Of(0.0001, 10));
        Assert.Equal("█████", StatsBar.Of(0.5, 10));
        Assert.Equal("██████████", StatsBar.Of(1, 10));
        Assert.Equal("█▌", StatsBar.Of(0.15, 10));
    }
}
