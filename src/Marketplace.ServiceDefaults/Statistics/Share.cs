namespace Marketplace.ServiceDefaults.Statistics;

/// <summary>A part of a whole as a fraction between 0 and 1, to four decimals (so 0.6667 for two of three); null of nothing.</summary>
public static class Share
{
    public static double? Of(decimal part, decimal whole) => whole == 0 ? null : (double)Math.Round(part / whole, 4, MidpointRounding.AwayFromZero);

    public static double? Of(int part, int whole) => Of((decimal)part, whole);
}
