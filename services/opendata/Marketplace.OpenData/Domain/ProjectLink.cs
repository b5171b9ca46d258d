namespace Marketplace.OpenData.Domain;

/// <summary>An awarded project's scenario (its ocid), supplier and value, for the funding events that name only the project.</summary>
public sealed class ProjectLink
{
    private ProjectLink()
    {
    }

    public ProjectLink(Guid projectId, Guid scenarioId, Guid vendorId, decimal priceHkd)
    {
        (ProjectId, ScenarioId, VendorId, PriceHkd) = (projectId, scenarioId, vendorId, priceHkd);
    }

    public Guid ProjectId { get; private set; }

    public Guid ScenarioId { get; private set; }

    public Guid VendorId { get; private set; }

    public decimal PriceHkd { get; private set; }
}
