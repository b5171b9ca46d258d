namespace Marketplace.Contracts.Identity;

/// <summary>
/// An organisation's names, size class or status (Approved, Rejected, Suspended) changed; read models
/// replace what they keep. Apply only when <paramref name="ChangedAt"/> is newer than what is held.
/// </summary>
public sealed record OrganisationChanged(
    Guid OrganisationId,
    OrganisationType Type,
    string NameEn,
    string NameZh,
    SizeClass? SizeClass,
    OrganisationStatus Status,
    DateTimeOffset ChangedAt);
