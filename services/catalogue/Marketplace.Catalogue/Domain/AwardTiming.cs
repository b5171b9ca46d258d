using Marketplace.ServiceDefaults.Statistics;

namespace Marketplace.Catalogue.Domain;

/// <summary>
/// How long scenarios waited from publication to award: whole days (counted in full 24-hour periods), their average,
/// median, range and a histogram in fixed bands. The days and the median are the shared <see cref="ElapsedDays"/> and
/// <see cref="Percentile"/> rules, which open data's programme statistics use too.
/// </summary>
public static class AwardTiming
{
    /// <summary>The histogram's bands, in order: the code and the longest wait (in days) the band holds.</summary>
    public static readonly IReadOnlyList<(string Code, int UpTo)> Bands =
    [
        ("UpTo30", 30), ("From31To60", 60), ("From61To90", 90), ("From91To180", 180), ("Over180", int.MaxValue),
    ];

    public static int Days(DateTimeOffset publishedAt, DateTimeOffset awardedAt) => ElapsedDays.Between(publishedAt, awardedAt);

    public static string Band(int days) => Bands.First(b => days <= b.UpTo).Code;

    public static AwardTimingSummary Summarise(IReadOnlyCollection<int> days)
    {
        var bands = Bands.Select(b => (b.Code, Count: days.Count(d => Band(d) == b.Code))).ToList();
        if (days.Count == 0)
        {
            return new AwardTimingSummary(0, null, null, null, null, bands);
        }
        var sorted = days.Order().ToList();
        var median = Percentile.Of(sorted, Percentile.Median);
        return new AwardTimingSummary(sorted.Count, Math.Round(sorted.Average(), 1), median, sorted[0], sorted[^1], bands);
    }
}

public sealed record AwardTimingSummary(int Awards, double? AverageDays, double? MedianDays, int? ShortestDays, int? LongestDays,
    IReadOnlyList<(string Code, int Count)> Bands);
