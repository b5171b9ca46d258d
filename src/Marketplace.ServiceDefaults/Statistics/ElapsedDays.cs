namespace Marketplace.ServiceDefaults.Statistics;

/// <summary>How long something waited, in whole days: full 24-hour periods, never negative (clocks of two services may disagree slightly).</summary>
public static class ElapsedDays
{
    public static int Between(DateTimeOffset from, DateTimeOffset to) => Math.Max(0, (int)Math.Floor((to - from).TotalDays));
}
