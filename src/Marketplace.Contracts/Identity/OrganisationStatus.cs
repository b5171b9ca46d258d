namespace Marketplace.Contracts.Identity;

/// <summary>Self-registered vendors start Pending; organisations an administrator creates start Approved. Members act only while Approved.</summary>
public enum OrganisationStatus
{
    Pending,
    Approved,
    Rejected,
    Suspended,
}
