namespace Marketplace.Funding.Domain;

/// <summary>
/// An awarded project as matching announced it (ProjectAwarded, AwardCancelled), whichever arrives
/// first: a cancellation consumed before its award leaves a row that the award then cannot reopen.
/// </summary>
public sealed class AwardedProject
{
    private AwardedProject()
    {
    }

    public AwardedProject(Guid projectId, Guid scenarioId) => (ProjectId, ScenarioId) = (projectId, scenarioId);

    public Guid ProjectId { get; private set; }

    public Guid ScenarioId { get; private set; }

    /// <summary>Null while only the cancellation is known.</summary>
    public Guid? VendorId { get; private set; }

    public decimal? PriceHkd { get; private set; }

    public DateTimeOffset? AwardedAt { get; private set; }

    public DateTimeOffset? CancelledAt { get; private set; }

    public Guid Version { get; private set; }

    public bool AwaitsApplication => VendorId is not null && CancelledAt is null;

    public void Awarded(Guid vendorId, decimal priceHkd, DateTimeOffset at) =>
        (VendorId, PriceHkd, AwardedAt, Version) = (vendorId, priceHkd, at, Guid.NewGuid());

    public void Cancelled(DateTimeOffset at) => (CancelledAt, Version) = (CancelledAt ?? at, Guid.NewGuid());
}
