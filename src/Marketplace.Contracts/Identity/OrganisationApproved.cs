namespace Marketplace.Contracts.Identity;

/// <summary>An administrator approved a registered organisation; its members may now act for it.</summary>
public sealed record OrganisationApproved(Guid OrganisationId, OrganisationType Type, DateTimeOffset ApprovedAt);
