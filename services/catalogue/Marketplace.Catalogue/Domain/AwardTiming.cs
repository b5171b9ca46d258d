namespace Marketplace.Catalogue.Domain;

/// <summary>
/// How long scenarios waited from publication to award: whole days (counted in full 24-hour periods), their average,
/// median, range and a histogram in fixed bands. The one place this is computed.
/// </summary>
public static class AwardTiming
{
    /// <summary>The histogram's bands, in order: the code and the longest wait (in days) the band holds.</summary>
    public static readonly IReadOnlyList<(string Code, int UpTo)> Bands =
    [
        ("UpTo30", 30), ("From31To60", 60), ("From61To90", 90), ("From91To180", 180), ("Over180", int.MaxValue),
    ];

    public static int Days(DateTimeOffset publishedAt, DateTimeOffset awardedAt) =>
        Math.Max(0, (int)Math.Floor((awardedAt - publishedAt).TotalDays));

    public static string Band(int days) => Bands.First(b => days <= b.UpTo).Code;

    public static AwardTimingSummary Summarise(IReadOnlyCollection<int> days)
    {
        var bands = Bands.Select(b => (b.Code, Count: days.Count(d => Band(d) == b.Code))).ToList();
        if (days.Count == 0)
        {
            return new AwardTimingSummary(0, null, null, null, null, bands);
        }
        var sorted = days.Order().ToList();
        var middle = sorted.Count / 2;
        var median = sorted.Count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2.0;
        return new AwardTimingSummary(sorted.Count, Math.Round(sorted.Average(), 1), median, sorted[0], sorted[^1], bands);
    }
}

public sealed record AwardTimingSummary(int Awards, double? AverageDays, double? MedianDays, int? ShortestDays, int? LongestDays,
    IReadOnlyList<(string Code, int Count)> Bands);
