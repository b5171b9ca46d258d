namespace Marketplace.SoakTests;

/// <summary>
/// Whether a host's resident memory stayed flat after the warm-up. The measured span (warm-up to end) is cut in thirds and the
/// median of the last third is compared with the median of the first: medians of tens of samples ignore the GC's saw-tooth and
/// a neighbour's burst on a shared machine, and comparing windows, not single samples, ignores where in its cycle the GC
/// happened to be at the end. The growth allowed is the larger of <see cref="AllowedGrowthMb"/> and
/// <see cref="AllowedGrowthPercent"/> of the early median: a leak of L MB a minute fails once L × ⅔ × (duration − warm-up)
/// passes the allowance, so a longer soak catches a slower leak.
/// </summary>
public static class MemoryFlatness
{
    public const double AllowedGrowthMb = 24;
    public const double AllowedGrowthPercent = 10;

    /// <summary>Needs at least three samples in each window; fewer is an error of the setup, not a verdict.</summary>
    public static MemoryVerdict Judge(IReadOnlyList<(TimeSpan At, double Mb)> samples, TimeSpan warmUp, TimeSpan end)
    {
        var third = (end - warmUp) / 3;
        var early = samples.Where(s => s.At >= warmUp && s.At < warmUp + third).Select(s => s.Mb).ToArray();
        var late = samples.Where(s => s.At >= end - third && s.At <= end).Select(s => s.Mb).ToArray();
        if (early.Length < 3 || late.Length < 3)
        {
            throw new ArgumentException($"Too few samples to judge: {early.Length} early, {late.Length} late.", nameof(samples));
        }
        var earlyMedian = Median(early);
        return new(earlyMedian, Median(late), Math.Max(AllowedGrowthMb, earlyMedian * AllowedGrowthPercent / 100), early.Length, late.Length);
    }

    public static double Median(IReadOnlyCollection<double> values)
    {
        var sorted = values.Order().ToArray();
        var middle = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}
