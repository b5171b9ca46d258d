using Marketplace.Contracts.Identity;

namespace Marketplace.Funding.Domain;

/// <summary>
/// A scheme's rules as data: how the grant is computed, its caps and limits, who is eligible and
/// which costs count. The eligibility engine reads nothing else.
/// </summary>
public sealed record SchemeRules(
    GrantBasis Basis,
    int GovernmentShare,
    int CompanyShare,
    decimal PercentageOfEligibleCost,
    decimal? PerProjectCapHkd,
    decimal? CumulativeCapHkd,
    int? MaxProjects,
    int? MaxConcurrentProjects,
    bool RequireHongKongRegistered,
    IReadOnlyList<SizeClass> SizeClasses,
    IReadOnlyList<string> Sectors,
    bool NoDoubleFunding,
    IReadOnlyList<CostType> EligibleCostTypes);
