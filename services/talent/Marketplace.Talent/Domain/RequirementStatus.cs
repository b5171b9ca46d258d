namespace Marketplace.Talent.Domain;

public enum RequirementStatus
{
    /// <summary>Nobody holds the role yet: it gets matches and invitations.</summary>
    Open,
    /// <summary>A talent holds the role (named in the proposal, or accepted an invitation).</summary>
    Filled,
    /// <summary>The award was cancelled.</summary>
    Cancelled,
}
