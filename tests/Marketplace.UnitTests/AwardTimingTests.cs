using Marketplace.Catalogue.Domain;

namespace Marketplace.UnitTests;

public sealed class AwardTimingTests
{
    private static readonly DateTimeOffset Published = new(2026, 3, 2, 1, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_wait_counts_whole_days_from_publication_and_never_below_zero()
    {
        Assert.Equal(0, AwardTiming.Days(Published, Published.AddHours(23)));
        Assert.Equal(30, AwardTiming.Days(Published, Published.AddDays(30).AddHours(5)));
        Assert.Equal(0, AwardTiming.Days(Published, Published.AddDays(-1)));
    }

    [Theory]
    [InlineData(0, "UpTo30")]
    [InlineData(30, "UpTo30")]
    [InlineData(31, "From31To60")]
    [InlineData(90, "From61To90")]
    [InlineData(180, "From91To180")]
    [InlineData(181, "Over180")]
    public void Each_wait_falls_in_exactly_one_band(int days, string band) => Assert.Equal(band, AwardTiming.Band(days));

    [Fact]
    public void The_summary_gives_average_median_range_and_every_band_in_order()
    {
        var summary = AwardTiming.Summarise([20, 75, 40, 200]);

        Assert.Equal(4, summary.Awards);
        Assert.Equal(83.8, summary.AverageDays);
        Assert.Equal(57.5, summary.MedianDays);
        Assert.Equal(20, summary.ShortestDays);
        Assert.Equal(200, summary.LongestDays);
        Assert.Equal([("UpTo30", 1), ("From31To60", 1), ("From61To90", 1), ("From91To180", 0), ("Over180", 1)], summary.Bands);
    }

    [Fact]
    public void Without_awards_the_summary_has_no_figures_but_still_lists_the_bands()
    {
        var summary = AwardTiming.Summarise([]);

        Assert.Equal(0, summary.Awards);
        Assert.Null(summary.MedianDays);
        Assert.All(summary.Bands, b => Assert.Equal(0, b.Count));
        Assert.Equal(5, summary.Bands.Count);
    }
}
