namespace Marketplace.Contracts.Funding;

/// <summary>A funding panel's decision on an application.</summary>
public enum FundingOutcome
{
    Funded,
    Unfunded,
    OnHold,
}
