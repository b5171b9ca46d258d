namespace Marketplace.Identity.Domain;

public enum OrganisationType
{
    Department,
    Vendor,
    Chamber,
    FundingBody,
    TrainingProvider,
}
