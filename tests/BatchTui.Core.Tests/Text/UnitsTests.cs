using BatchTui.Core.Text;

namespace BatchTui.Core.Tests.Text;

public class UnitsTests
{
    [Theory]
    [InlineData(0, "0 requests")]
    [InlineData(1, "1 request")]
    [InlineData(100_000, "100,000 requests")]
    public void Counts_take_the_plural_past_one(long n, string expected) => Assert.Equal(expected, Units.Plural(n, "request"));

    [Fact]
    public void A_word_without_an_s_names_its_plural() => Assert.Equal("2 batches", Units.Plural(2, "batch", "batches"));

    [Theory]
    [InlineData(512, "512 B")]
    [InlineData(1536, "1.5 KB")]
    [InlineData(50L << 20, "50.0 MB")]
    [InlineData(3L << 29, "1.50 GB")]
    public void Measured_sizes_have_one_decimal(long bytes, string expected) => Assert.Equal(expected, Units.Bytes(bytes));

    [Theory]
    [InlineData(256L << 20, "256 MB")]
    [InlineData(12 << 10, "12 KB")]
    [InlineData(1536, "1.5 KB")]
    [InlineData(1L << 30, "1 GB")]
    [InlineData(100, "100 B")]
    public void Limits_are_whole_where_they_are_whole(long bytes, string expected) => Assert.Equal(expected, Units.Limit(bytes));

    [Theory]
    [InlineData(9_999, "9,999")]
    [InlineData(12_345, "12.3k")]
    [InlineData(4_560_000, "4.6M")]
    public void Token_counts_stay_narrow(long n, string expected) => Assert.Equal(expected, Units.Compact(n));
}
