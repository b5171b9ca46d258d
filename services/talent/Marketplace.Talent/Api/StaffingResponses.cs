using Marketplace.Contracts.Talent;
using Marketplace.Talent.Domain;
using Marketplace.Talent.Taxonomy;

namespace Marketplace.Talent.Api;

public sealed record RequirementResponse(
    Guid Id, Guid ProjectId, int Position, string Skill, string? SkillUri, string? SkillLabelEn, string? SkillLabelZh, Seniority Seniority,
    RequirementStatus Status, Guid? TalentId, int PendingInvitations, DateTimeOffset CreatedAt, DateTimeOffset? FilledAt)
{
    public static RequirementResponse From(StaffingRequirement r, SkillTaxonomy taxonomy, int pending) => new(
        r.Id, r.ProjectId, r.Position, r.SkillText, r.SkillUri, taxonomy.Find(r.SkillUri)?.LabelEn, taxonomy.Find(r.SkillUri)?.LabelZh, r.Seniority,
        r.Status, r.TalentId, pending, r.CreatedAt, r.FilledAt);
}

/// <summary>A project's staffing at a glance: how many roles are open, filled or cancelled.</summary>
public sealed record ProjectStaffingResponse(Guid ProjectId, Guid ScenarioId, DateTimeOffset? AwardedAt, bool Cancelled, int Open, int Filled, int CancelledRoles);

public sealed record ProjectStaffingDetail(ProjectStaffingResponse Summary, IReadOnlyList<RequirementResponse> Requirements);

public sealed record MatchResponse(Guid TalentId, string DisplayName, string SkillUri, Seniority Level, int Years, DateOnly AvailableFrom, int SharePercent,
    IReadOnlyList<Language> Languages, bool Employee, int Score, string ReasonsEn, string ReasonsZh);

public sealed record InvitationResponse(Guid Id, Guid RequirementId, Guid ProjectId, Guid VendorOrganisationId, Guid TalentId, string Skill, string? SkillUri,
    Seniority Seniority, InvitationStatus Status, DateTimeOffset InvitedAt, DateTimeOffset? AnsweredAt);

/// <summary>An open role the calling talent matches, and why.</summary>
public sealed record MatchedRoleResponse(RequirementResponse Requirement, Guid VendorOrganisationId, string ReasonsEn, string ReasonsZh);

public sealed record InviteRequest(Guid? TalentId);
