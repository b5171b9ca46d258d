namespace Marketplace.Contracts.Identity;

/// <summary>
/// An organisation joined the marketplace. <paramref name="Type"/> is Department, Vendor, Chamber,
/// FundingBody or TrainingProvider; vendors carry their business registration number and size class
/// (Startup, SME, Large); <paramref name="Status"/> is Pending until an administrator approves it.
/// </summary>
public sealed record OrganisationRegistered(
    Guid OrganisationId,
    string Type,
    string NameEn,
    string NameZh,
    string? BusinessRegistrationNumber,
    string? SizeClass,
    string Status,
    DateTimeOffset RegisteredAt);
