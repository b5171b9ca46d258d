namespace Marketplace.Funding;

/// <summary>Settings of the funding service (section <c>Funding</c>).</summary>
public sealed class FundingOptions
{
    public const string Section = "Funding";

    /// <summary>A score further than this many points per 10 of a criterion's maximum from the criterion's mean is flagged as an outlier.</summary>
    public decimal OutlierPointsPerTen { get; set; } = 2m;

    /// <summary>At most this many ProjectAwarded are applied in one transaction.</summary>
    public int AwardBatchSize { get; set; } = 100;

    /// <summary>A batch of awards that is not full is applied this long after its first award arrived.</summary>
    public int AwardBatchWaitMs { get; set; } = 20;
}
