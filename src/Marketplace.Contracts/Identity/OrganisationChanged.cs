namespace Marketplace.Contracts.Identity;

/// <summary>An organisation's names or size class changed; read models replace what they keep.</summary>
public sealed record OrganisationChanged(
    Guid OrganisationId,
    string Type,
    string NameEn,
    string NameZh,
    string? SizeClass,
    DateTimeOffset ChangedAt);
