namespace Marketplace.SoakTests;

/// <summary>The soak's memory criterion on made-up curves: what it must let pass on a noisy machine, and the leak it must catch.</summary>
public sealed class MemoryFlatnessTests
{
    private static readonly TimeSpan WarmUp = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan End = TimeSpan.FromMinutes(3);

    [Fact]
    public void A_host_that_saws_up_and_down_around_one_level_after_its_warm_up_is_flat()
    {
        var verdict = MemoryFlatness.Judge(Curve(leakMbPerMinute: 0), WarmUp, End);

        Assert.True(verdict.Flat, $"{verdict}");
    }

    [Fact]
    public void A_host_that_keeps_growing_by_twenty_MB_a_minute_after_its_warm_up_is_not_flat()
    {
        var verdict = MemoryFlatness.Judge(Curve(leakMbPerMinute: 20), WarmUp, End);

        Assert.False(verdict.Flat, $"{verdict}");
    }

    [Fact]
    public void A_large_host_is_allowed_a_share_of_its_size_rather_than_the_fixed_allowance()
    {
        var verdict = MemoryFlatness.Judge(Curve(leakMbPerMinute: 0, levelMb: 800), WarmUp, End);

        Assert.True(verdict.AllowedGrowthMb > MemoryFlatness.AllowedGrowthMb, $"{verdict}");
        Assert.Equal(verdict.EarlyMedianMb * MemoryFlatness.AllowedGrowthPercent / 100, verdict.AllowedGrowthMb, 6);
    }

    /// <summary>
    /// Every 2 s: a climb from a third of the level during the warm-up, then the GC's saw-tooth (16 MB up over 20 s, then
    /// collected), a neighbour's jitter of ±4 MB, and a steady leak on top.
    /// </summary>
    private static List<(TimeSpan At, double Mb)> Curve(double leakMbPerMinute, double levelMb = 180)
    {
        var jitter = new Random(16);
        var curve = new List<(TimeSpan, double)>();
        for (var at = TimeSpan.Zero; at <= End; at += TimeSpan.FromSeconds(2))
        {
            var warm = Math.Min(1, at / WarmUp);
            var sawTooth = at.TotalSeconds % 20 / 20 * 16;
            var leak = Math.Max(0, (at - WarmUp).TotalMinutes) * leakMbPerMinute;
            curve.Add((at, (levelMb / 3) + (levelMb * 2 / 3 * warm) + sawTooth + (jitter.NextDouble() * 8) - 4 + leak));
        }
        return curve;
    }
}
