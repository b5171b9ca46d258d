namespace Marketplace.Contracts.Talent;

/// <summary>
/// A talent accepted a vendor's invitation to a role of an awarded project: the role is filled.
/// <paramref name="SkillUri"/> is null when the role's skill is not in the taxonomy.
/// </summary>
public sealed record StaffingRequirementFilled(
    Guid RequirementId,
    Guid ProjectId,
    Guid VendorOrganisationId,
    Guid TalentId,
    string? SkillUri,
    Seniority Seniority,
    DateTimeOffset FilledAt);
