namespace Marketplace.SoakTests;

/// <summary>What <see cref="MemoryFlatness"/> found for one host, in MB.</summary>
public sealed record MemoryVerdict(double EarlyMedianMb, double LateMedianMb, double AllowedGrowthMb, int EarlySamples, int LateSamples)
{
    public double GrowthMb => LateMedianMb - EarlyMedianMb;

    public bool Flat => GrowthMb <= AllowedGrowthMb;
}
