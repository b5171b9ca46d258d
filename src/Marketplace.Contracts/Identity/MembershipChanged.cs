namespace Marketplace.Contracts.Identity;

/// <summary>
/// A person's membership was created or changed: the organisation they belong to (none for
/// administrators and individual talent), the roles they hold there, whether they manage it, and
/// whether the account is still active (false once removed). Apply only when
/// <paramref name="ChangedAt"/> is newer than what is held.
/// </summary>
public sealed record MembershipChanged(
    Guid UserId,
    Guid? OrganisationId,
    IReadOnlyList<MemberRole> Roles,
    bool Manager,
    bool Active,
    DateTimeOffset ChangedAt);
