namespace Marketplace.ServiceDefaults.Statistics;

/// <summary>
/// The one percentile every statistic uses: linear interpolation between the closest ranks of the sorted values
/// (Hyndman and Fan's definition 7, the one of spreadsheets' PERCENTILE.INC). For n sorted values x₀…xₙ₋₁ and p in
/// [0, 1], h = (n − 1)·p and the percentile is x⌊h⌋ + (h − ⌊h⌋)·(x⌈h⌉ − x⌊h⌋). So the median (p = 0.5) of an even
/// count is the mean of the two middle values, and the 90th percentile of 20 and 75 is 20 + 0.9 × 55 = 69.5.
/// </summary>
public static class Percentile
{
    public const double Median = 0.5;

    public const double Ninetieth = 0.9;

    /// <summary>The <paramref name="p"/>-th percentile of <paramref name="values"/> (any order); null when there are none.</summary>
    public static double? Of(IEnumerable<double> values, double p)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(p, 0);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(p, 1);
        var sorted = values.Order().ToList();
        if (sorted.Count == 0)
        {
            return null;
        }
        var h = (sorted.Count - 1) * p;
        var below = (int)Math.Floor(h);
        var above = (int)Math.Ceiling(h);
        return sorted[below] + (h - below) * (sorted[above] - sorted[below]);
    }

    public static double? Of(IEnumerable<int> values, double p) => Of(values.Select(v => (double)v), p);
}
