namespace Marketplace.Talent.Domain;

public enum InvitationStatus
{
    Pending,
    Accepted,
    Declined,
    /// <summary>The role was filled by someone else, or cancelled, before this talent answered.</summary>
    Lapsed,
}
