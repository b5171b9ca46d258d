namespace Marketplace.Contracts.Identity;

/// <summary>
/// A person's membership was created or changed: the organisation they belong to (none for
/// administrators and individual talent), the roles they hold there, whether they manage it, and
/// whether the account is still active (false once removed). Apply only when
/// <paramref name="ChangedAt"/> is newer than what is held. <paramref name="DisplayName"/> is the person's name as
/// they chose it, for showing them to colleagues (null from publishers that predate it).
/// </summary>
public sealed record MembershipChanged(
    Guid UserId,
    Guid? OrganisationId,
    IReadOnlyList<MemberRole> Roles,
    bool Manager,
    bool Active,
    DateTimeOffset ChangedAt,
    string? DisplayName = null);
