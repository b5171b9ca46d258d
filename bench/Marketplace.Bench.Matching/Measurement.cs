namespace Marketplace.Bench.Matching;

/// <summary>Timed runs of one operation, in milliseconds.</summary>
internal sealed class Measurement(string name, IReadOnlyList<double> samples)
{
    private readonly double[] _sorted = [.. samples.Order()];

    public string Name { get; } = name;

    public int Runs => _sorted.Length;

    public double P50 => Percentile(0.50);

    public double P95 => Percentile(0.95);

    public double P99 => Percentile(0.99);

    public double Mean => _sorted.Average();

    public double Min => _sorted[0];

    public double Max => _sorted[^1];

    /// <summary>Nearest-rank percentile.</summary>
    public double Percentile(double p) => _sorted[Math.Clamp((int)Math.Ceiling(p * _sorted.Length) - 1, 0, _sorted.Length - 1)];
}

/// <summary>How the data of one configuration was loaded.</summary>
internal sealed record LoadFacts(
    string Provider, int Vendors, int ActiveVendors, int Solutions, int Projects, int SuccessCases, int OpenScenarios,
    int VendorsWithTrackRecord, int MostProjects, TimeSpan Migrate, TimeSpan Load, TimeSpan Settle, string SettleDescription, long DatabaseBytes);

/// <summary>Everything measured for the recommendations of one provider and size.</summary>
internal sealed record RankingConfiguration(
    string Provider, int Size, string EngineVersion, LoadFacts Load, Measurement SnapshotBuild, long SnapshotBytes, int SnapshotVendors,
    IReadOnlyList<Measurement> Measurements, int ScenariosVerified, int SqlRunsVerified, double MeanResultSize, ExplainFacts? DefaultJit);

/// <summary>One EXPLAIN ANALYZE of the SQL ranking with the server's default settings (JIT on), in ms.</summary>
internal sealed record ExplainFacts(double Planning, double Execution, double Jit);

/// <summary>
/// One burst of ScenarioPublished events absorbed by a hosted matching module; times from the first publish
/// except <see cref="HostStart"/>, <see cref="WarmRequest"/>, <see cref="FirstRequest"/> and <see cref="SecondRequest"/>.
/// </summary>
internal sealed record BurstRun(
    LoadFacts Load, TimeSpan HostStart, TimeSpan WarmRequest, TimeSpan Publish, TimeSpan Absorbed, TimeSpan FirstRequest, TimeSpan SeenByRequest,
    TimeSpan SecondRequest, int SnapshotScenarios, int ResultSize, TimeSpan? NotificationsDone, long? Notifications);

/// <summary>All runs of one burst mode.</summary>
internal sealed record BurstConfiguration(
    string Mode, string Database, string Transport, string EngineVersion, int Vendors, int Events, bool NotificationsFeature, IReadOnlyList<BurstRun> Runs);
