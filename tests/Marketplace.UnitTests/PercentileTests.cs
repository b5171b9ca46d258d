using Marketplace.ServiceDefaults.Statistics;

namespace Marketplace.UnitTests;

public sealed class PercentileTests
{
    [Fact]
    public void The_median_of_an_odd_count_is_the_middle_value_and_of_an_even_count_the_mean_of_the_two_middle_ones()
    {
        Assert.Equal(40, Percentile.Of([75, 20, 40], Percentile.Median));
        Assert.Equal(47.5, Percentile.Of([20, 75], Percentile.Median));
    }

    [Fact]
    public void The_90th_percentile_interpolates_between_the_closest_ranks()
    {
        // Ranks 0..2, h = 2 × 0.9 = 1.8: 40 + 0.8 × (75 − 40) = 68.
        Assert.Equal(68, Percentile.Of([20, 40, 75], Percentile.Ninetieth)!.Value, 9);
        // Ranks 0..9 of 1..10, h = 8.1: 9 + 0.1 × 1 = 9.1.
        Assert.Equal(9.1, Percentile.Of(Enumerable.Range(1, 10), Percentile.Ninetieth)!.Value, 9);
        Assert.Equal(7, Percentile.Of([7], Percentile.Ninetieth));
    }

    [Fact]
    public void There_is_no_percentile_of_nothing_and_p_must_lie_between_0_and_1()
    {
        Assert.Null(Percentile.Of(Array.Empty<int>(), Percentile.Median));
        Assert.Throws<ArgumentOutOfRangeException>(() => Percentile.Of([1], 1.5));
    }

    [Fact]
    public void A_share_is_a_fraction_to_four_decimals_and_none_of_nothing()
    {
        Assert.Equal(0.6667, Share.Of(2, 3));
        Assert.Equal(0.375, Share.Of(1_500_000m, 4_000_000m));
        Assert.Null(Share.Of(0, 0));
    }

    [Fact]
    public void Elapsed_days_count_full_24_hour_periods_and_never_go_below_zero()
    {
        var start = new DateTimeOffset(2026, 4, 1, 9, 0, 0, TimeSpan.FromHours(8));
        Assert.Equal(0, ElapsedDays.Between(start, start.AddHours(23)));
        Assert.Equal(20, ElapsedDays.Between(start, start.AddDays(20).AddHours(3)));
        Assert.Equal(0, ElapsedDays.Between(start, start.AddDays(-2)));
    }
}
