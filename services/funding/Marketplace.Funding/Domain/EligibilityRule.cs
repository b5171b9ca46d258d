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

public enum RuleOutcome
{
    Pass,
    Fail,
    /// <summary>A fact the rule needs has not arrived yet (the vendor's organisation facts).</summary>
    Unknown,
}

/// <summary>One rule's result with its reason in both languages.</summary>
public sealed record RuleCheck(EligibilityRule Rule, RuleOutcome Outcome, Marketplace.ServiceDefaults.Localization.LocalizedText Explanation);
