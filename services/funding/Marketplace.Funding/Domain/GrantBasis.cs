namespace Marketplace.Funding.Domain;

/// <summary>How a scheme turns eligible cost into a grant.</summary>
public enum GrantBasis
{
    /// <summary>Government : company matching (3 : 1): the government pays its share of eligible cost, and at most its ratio times what the company puts in.</summary>
    MatchingRatio,

    /// <summary>A percentage of eligible cost (70 % of computing cost, 50 % of project cost).</summary>
    PercentageOfEligibleCost,
}
