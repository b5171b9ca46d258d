namespace Marketplace.Funding.Domain;

public enum ApplicationStatus
{
    /// <summary>Opened (by the vendor or from an award); the vendor completes the budget and declarations.</summary>
    Draft,
    Submitted,
    Funded,
    Unfunded,
    OnHold,
    /// <summary>Every milestone accepted.</summary>
    Completed,
    /// <summary>The award it came from was cancelled.</summary>
    Withdrawn,
}
