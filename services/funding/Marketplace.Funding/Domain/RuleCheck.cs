using Marketplace.ServiceDefaults.Localization;

namespace Marketplace.Funding.Domain;

public enum RuleOutcome
{
    Pass,
    Fail,
    /// <summary>A fact the rule needs has not arrived yet (the vendor's organisation facts).</summary>
    Unknown,
}

/// <summary>One rule's result with its reason in both languages.</summary>
public sealed record RuleCheck(EligibilityRule Rule, RuleOutcome Outcome, LocalizedText Explanation);
