namespace Marketplace.OpenData.Domain;

/// <summary>
/// An awarded project's scenario (its ocid), supplier and value, for the funding events that name only the project and
/// for the statistics of awards. A cancellation may overtake its award: the row then holds the cancellation until the
/// award fills in the rest.
/// </summary>
public sealed class ProjectLink
{
    private ProjectLink()
    {
    }

    public ProjectLink(Guid projectId, Guid scenarioId, Guid vendorId, decimal priceHkd, DateTimeOffset awardedAt)
    {
        (ProjectId, ScenarioId, VendorId, PriceHkd, AwardedAt) = (projectId, scenarioId, vendorId, priceHkd, awardedAt);
    }

    public static ProjectLink CancelledFirst(Guid projectId, Guid scenarioId, DateTimeOffset cancelledAt) =>
        new() { ProjectId = projectId, ScenarioId = scenarioId, CancelledAt = cancelledAt };

    public Guid ProjectId { get; private set; }

    public Guid ScenarioId { get; private set; }

    public Guid VendorId { get; private set; }

    public decimal PriceHkd { get; private set; }

    /// <summary>Null only while the cancellation is known and the award is not.</summary>
    public DateTimeOffset? AwardedAt { get; private set; }

    public DateTimeOffset? CancelledAt { get; private set; }

    public bool Stands => AwardedAt is not null && CancelledAt is null;

    public void Awarded(Guid vendorId, decimal priceHkd, DateTimeOffset awardedAt) =>
        (VendorId, PriceHkd, AwardedAt) = (vendorId, priceHkd, awardedAt);

    public void Cancel(DateTimeOffset cancelledAt) => CancelledAt ??= cancelledAt;
}
