namespace Marketplace.Funding;

/// <summary>Settings of the funding service (section <c>Funding</c>).</summary>
public sealed class FundingOptions
{
    public const string Section = "Funding";

    /// <summary>A score further than this many points per 10 of a criterion's maximum from the criterion's mean is flagged as an outlier.</summary>
    public decimal OutlierPointsPerTen { get; set; } = 2m;
}
