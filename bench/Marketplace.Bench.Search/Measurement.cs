namespace Marketplace.Bench.Search;

/// <summary>The timed runs of one search on one provider and size, in milliseconds.</summary>
internal sealed class Measurement(BenchQuery query, int matches, IReadOnlyList<double> samples)
{
    private readonly double[] _sorted = [.. samples.Order()];

    public BenchQuery Query { get; } = query;

    /// <summary>The result's total count (the same on every run).</summary>
    public int Matches { get; } = matches;

    public int Runs => _sorted.Length;

    public double P50 => Percentile(0.50);

    public double P95 => Percentile(0.95);

    public double P99 => Percentile(0.99);

    public double Mean => _sorted.Average();

    /// <summary>Nearest-rank percentile.</summary>
    public double Percentile(double p) => _sorted[Math.Clamp((int)Math.Ceiling(p * _sorted.Length) - 1, 0, _sorted.Length - 1)];
}

/// <summary>Everything measured for one provider and size.</summary>
internal sealed record Configuration(
    string Provider, int Size, string EngineVersion, TimeSpan Migrate, TimeSpan Load, TimeSpan Settle, string SettleDescription,
    long DatabaseBytes, IReadOnlyList<Measurement> Measurements);
