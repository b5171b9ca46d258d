namespace Marketplace.OpenData.Domain;

/// <summary>A decided funding application's project and scenario, funder and grant, for its milestone and payment events.</summary>
public sealed class ApplicationLink
{
    private ApplicationLink()
    {
    }

    public ApplicationLink(Guid applicationId, Guid? projectId, Guid? scenarioId, Guid vendorId, Guid? fundingBodyId, string schemeCode, decimal grantHkd)
    {
        (ApplicationId, ProjectId, ScenarioId, VendorId, FundingBodyId, SchemeCode, GrantHkd) =
            (applicationId, projectId, scenarioId, vendorId, fundingBodyId, schemeCode, grantHkd);
    }

    public Guid ApplicationId { get; private set; }

    public Guid? ProjectId { get; private set; }

    /// <summary>Null for an application a vendor opened outside any scenario: nothing procured, nothing to publish.</summary>
    public Guid? ScenarioId { get; private set; }

    public Guid VendorId { get; private set; }

    public Guid? FundingBodyId { get; private set; }

    public string SchemeCode { get; private set; } = "";

    public decimal GrantHkd { get; private set; }
}
