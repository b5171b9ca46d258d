namespace Marketplace.Funding.Domain;

/// <summary>Each rule the engine checks, in the order it reports them.</summary>
public enum EligibilityRule
{
    HongKongRegistered,
    CompanySize,
    Sector,
    EligibleCost,
    Declarations,
    NoDoubleFunding,
    MaxProjects,
    ConcurrentProjects,
    CumulativeCap,
}
