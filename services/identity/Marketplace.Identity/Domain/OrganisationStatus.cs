namespace Marketplace.Identity.Domain;

/// <summary>Self-registered vendors start Pending; organisations an administrator creates start Approved.</summary>
public enum OrganisationStatus
{
    Pending,
    Approved,
    Rejected,
    Suspended,
}
