namespace Marketplace.SoakTests;

/// <summary>Count, errors and percentiles of a set of requests.</summary>
public sealed record Latency(int Requests, int Errors, double P50Ms, double P99Ms, double MaxMs)
{
    public static Latency Of(IEnumerable<RequestRecord> records)
    {
        var list = records.ToList();
        var sorted = list.Select(r => r.Latency.TotalMilliseconds).Order().ToArray();
        return new(list.Count, list.Count(r => r.Error is not null), Percentile(sorted, 0.50), Percentile(sorted, 0.99), sorted.Length == 0 ? 0 : sorted[^1]);
    }

    /// <summary>Nearest rank: the smallest value that at least this share of the requests did not exceed.</summary>
    private static double Percentile(double[] sorted, double share) =>
        sorted.Length == 0 ? 0 : sorted[Math.Clamp((int)Math.Ceiling(share * sorted.Length) - 1, 0, sorted.Length - 1)];
}
