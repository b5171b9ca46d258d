namespace Marketplace.Contracts.Identity;

/// <summary>What kind of organisation acts on the marketplace.</summary>
public enum OrganisationType
{
    Department,
    Vendor,
    Chamber,
    FundingBody,
    TrainingProvider,
}
