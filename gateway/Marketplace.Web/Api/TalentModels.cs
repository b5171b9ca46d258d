namespace Marketplace.Web.Api;

// The talent service's answers as the pages read them (enums as the API spells them).

public sealed record TalentSkill(string Uri, string Code, string LabelEn, string LabelZh, IReadOnlyList<string> AltLabels, string? Broader);

public sealed record TalentProfileSkill(string SkillUri, string? LabelEn, string? LabelZh, string Level, int Years);

public sealed record TalentProfile(
    Guid Id, string DisplayName, string? ContactEmail, string? Headline, IReadOnlyList<TalentProfileSkill> Skills, IReadOnlyList<string> Languages,
    DateOnly AvailableFrom, int SharePercent, string Residency, bool ConsentToMatch, DateTimeOffset? ConsentChangedAt, Guid? EmployerOrganisationId,
    DateTimeOffset UpdatedAt);

public sealed record TalentProfileSkillBody(string? Skill, string? Level, int? Years);

public sealed record TalentProfileBody(
    string? DisplayName, string? ContactEmail, string? Headline, IReadOnlyList<TalentProfileSkillBody> Skills, IReadOnlyList<string> Languages,
    DateOnly? AvailableFrom, int? SharePercent, string? Residency, bool? ConsentToMatch, Guid? EmployerOrganisationId);

public sealed record ConsentChangeRow(bool ConsentToMatch, DateTimeOffset At, string AtHongKong);

public sealed record StaffingRequirementRow(
    Guid Id, Guid ProjectId, int Position, string Skill, string? SkillUri, string? SkillLabelEn, string? SkillLabelZh, string Seniority, string Status,
    Guid? TalentId, int PendingInvitations, DateTimeOffset CreatedAt, DateTimeOffset? FilledAt);

public sealed record ProjectStaffing(Guid ProjectId, Guid ScenarioId, DateTimeOffset? AwardedAt, bool Cancelled, int Open, int Filled, int CancelledRoles);

public sealed record ProjectStaffingDetail(ProjectStaffing Summary, IReadOnlyList<StaffingRequirementRow> Requirements);

public sealed record TalentMatch(
    Guid TalentId, string DisplayName, string SkillUri, string Level, int Years, DateOnly AvailableFrom, int SharePercent, IReadOnlyList<string> Languages,
    bool Employee, int Score, string ReasonsEn, string ReasonsZh);

public sealed record StaffingInvitation(
    Guid Id, Guid RequirementId, Guid ProjectId, Guid VendorOrganisationId, Guid TalentId, string Skill, string? SkillUri, string Seniority, string Status,
    DateTimeOffset InvitedAt, DateTimeOffset? AnsweredAt);

public sealed record MatchedRole(StaffingRequirementRow Requirement, Guid VendorOrganisationId, string ReasonsEn, string ReasonsZh);

public sealed record SubsidyRuleModel(string SchemeCode, int GovernmentShare, int EnterpriseShare, decimal CapPerEnterprisePerYearHkd);

public sealed record TrainingProgramme(
    Guid Id, Guid? ProviderOrganisationId, string TitleEn, string TitleZh, string ProviderNameEn, string ProviderNameZh, IReadOnlyList<TalentSkill> Skills,
    decimal FeeHkd, int Hours, SubsidyRuleModel Subsidy);

public sealed record SubsidyRuleBody(string? SchemeCode, int? GovernmentShare, int? EnterpriseShare, decimal? CapPerEnterprisePerYearHkd);

public sealed record ProgrammeBody(
    string? TitleEn, string? TitleZh, string? ProviderNameEn, string? ProviderNameZh, IReadOnlyList<string> Skills, decimal? FeeHkd, int? Hours, SubsidyRuleBody Subsidy);

public sealed record SubsidyQuote(
    decimal FeeHkd, decimal SubsidyHkd, decimal EnterprisePaysHkd, decimal ShareOfFeeHkd, decimal RemainingCapHkd, string FinancialYear, string ExplanationEn, string ExplanationZh);

public sealed record EnrolmentRow(
    Guid Id, Guid ProgrammeId, Guid VendorOrganisationId, Guid TalentId, string SchemeCode, string FinancialYear, decimal FeeHkd, decimal SubsidyHkd,
    string ExplanationEn, string ExplanationZh, string Status, DateTimeOffset EnrolledAt, string EnrolledAtHongKong, DateTimeOffset? CompletedAt);

public sealed record SubsidyUsageRow(string SchemeCode, string FinancialYear, decimal CapHkd, decimal UsedHkd, decimal RemainingHkd, int Enrolments);

public sealed record UnmappedSkillRow(Guid Id, string RawText, string Source, Guid SourceId, DateTimeOffset SeenAt);

public sealed record SkillGapSkillRow(string SkillUri, string LabelEn, string LabelZh, int OpenScenarios, int OpenRoles, int Supply, int Gap);

public sealed record SkillGapSeniorityRow(string Seniority, int OpenRoles, int Supply, int Gap);

public sealed record SkillGapMonthRow(string Month, int Demand, int Supply);

public sealed record SkillGapFigures(DateTimeOffset At, IReadOnlyList<SkillGapSkillRow> BySkill, IReadOnlyList<SkillGapSeniorityRow> BySeniority, IReadOnlyList<SkillGapMonthRow> Monthly);
