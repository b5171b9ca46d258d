namespace Marketplace.Contracts.Identity;

/// <summary>
/// An organisation joined the marketplace. Vendors carry their business registration number and
/// size class; <paramref name="Status"/> is Pending until an administrator approves it.
/// </summary>
public sealed record OrganisationRegistered(
    Guid OrganisationId,
    OrganisationType Type,
    string NameEn,
    string NameZh,
    string? BusinessRegistrationNumber,
    SizeClass? SizeClass,
    OrganisationStatus Status,
    DateTimeOffset RegisteredAt);
