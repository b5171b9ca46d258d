using System.Text.Json;

namespace Marketplace.Web.Api;

/// <summary>The calls behind the talent pages: a talent's own profile, staffing, invitations, training, the administrator's statistics.</summary>
public sealed partial class TalentClient
{
    public Task<ApiResult<Paged<TalentSkill>>> SkillsAsync(CancellationToken ct) => GetAsync<Paged<TalentSkill>>("api/talent/skills?pageSize=100", ct);

    public Task<ApiResult<TalentProfile>> MyProfileAsync(CancellationToken ct) => GetAsync<TalentProfile>("api/talent/me/profile", ct);

    public Task<ApiResult<TalentProfile>> SaveProfileAsync(TalentProfileBody body, CancellationToken ct) =>
        SendAsync<TalentProfile>(HttpMethod.Put, "api/talent/me/profile", body, ct);

    public Task<ApiResult<TalentProfile>> SetConsentAsync(bool consent, CancellationToken ct) =>
        SendAsync<TalentProfile>(HttpMethod.Put, "api/talent/me/profile/consent", new { consentToMatch = consent }, ct);

    public Task<ApiResult<List<ConsentChangeRow>>> ConsentHistoryAsync(CancellationToken ct) => GetAsync<List<ConsentChangeRow>>("api/talent/me/profile/consent", ct);

    /// <summary>The data export as the service wrote it (a JSON document), for the download.</summary>
    public Task<ApiResult<JsonElement>> ExportAsync(CancellationToken ct) => GetAsync<JsonElement>("api/talent/me/profile/export", ct);

    public Task<ApiResult<object>> EraseAsync(CancellationToken ct) => SendAsync<object>(HttpMethod.Delete, "api/talent/me/profile", null, ct);

    public Task<ApiResult<Paged<MatchedRole>>> MatchedRolesAsync(int page, CancellationToken ct) =>
        GetAsync<Paged<MatchedRole>>(Query("api/talent/me/matched-roles", ("page", page), ("pageSize", 20)), ct);

    public Task<ApiResult<Paged<StaffingInvitation>>> InvitationsAsync(string? status, int page, CancellationToken ct) =>
        GetAsync<Paged<StaffingInvitation>>(Query("api/talent/invitations", ("status", status), ("page", page), ("pageSize", 20)), ct);

    public Task<ApiResult<StaffingInvitation>> AnswerInvitationAsync(Guid id, bool accept, CancellationToken ct) =>
        SendAsync<StaffingInvitation>(HttpMethod.Post, $"api/talent/invitations/{id}/{(accept ? "accept" : "decline")}", null, ct);

    public Task<ApiResult<Paged<ProjectStaffing>>> ProjectsAsync(int page, CancellationToken ct) =>
        GetAsync<Paged<ProjectStaffing>>(Query("api/talent/staffing/projects", ("page", page), ("pageSize", 20)), ct);

    public Task<ApiResult<ProjectStaffingDetail>> ProjectAsync(Guid id, CancellationToken ct) => GetAsync<ProjectStaffingDetail>($"api/talent/staffing/projects/{id}", ct);

    public Task<ApiResult<Paged<TalentMatch>>> MatchesAsync(Guid requirementId, int page, CancellationToken ct) =>
        GetAsync<Paged<TalentMatch>>(Query($"api/talent/staffing/requirements/{requirementId}/matches", ("page", page), ("pageSize", 20)), ct);

    public Task<ApiResult<StaffingInvitation>> InviteAsync(Guid requirementId, Guid? talentId, CancellationToken ct) =>
        SendAsync<StaffingInvitation>(HttpMethod.Post, $"api/talent/staffing/requirements/{requirementId}/invitations", new { talentId }, ct);

    public Task<ApiResult<Paged<TalentProfile>>> EmployeesAsync(int page, CancellationToken ct) =>
        GetAsync<Paged<TalentProfile>>(Query("api/talent/profiles", ("employees", "true"), ("page", page), ("pageSize", 20)), ct);

    public Task<ApiResult<Paged<TrainingProgramme>>> ProgrammesAsync(int page, CancellationToken ct) =>
        GetAsync<Paged<TrainingProgramme>>(Query("api/talent/training/programmes", ("page", page), ("pageSize", 20)), ct);

    public Task<ApiResult<TrainingProgramme>> ProgrammeAsync(Guid id, CancellationToken ct) => GetAsync<TrainingProgramme>($"api/talent/training/programmes/{id}", ct);

    public Task<ApiResult<TrainingProgramme>> CreateProgrammeAsync(ProgrammeBody body, CancellationToken ct) =>
        SendAsync<TrainingProgramme>(HttpMethod.Post, "api/talent/training/programmes", body, ct);

    public Task<ApiResult<TrainingProgramme>> UpdateProgrammeAsync(Guid id, ProgrammeBody body, CancellationToken ct) =>
        SendAsync<TrainingProgramme>(HttpMethod.Put, $"api/talent/training/programmes/{id}", body, ct);

    public Task<ApiResult<SubsidyQuote>> QuoteAsync(Guid programmeId, CancellationToken ct) => GetAsync<SubsidyQuote>($"api/talent/training/programmes/{programmeId}/subsidy", ct);

    public Task<ApiResult<EnrolmentRow>> EnrolAsync(Guid programmeId, Guid? talentId, CancellationToken ct) =>
        SendAsync<EnrolmentRow>(HttpMethod.Post, $"api/talent/training/programmes/{programmeId}/enrolments", new { talentId }, ct);

    public Task<ApiResult<Paged<EnrolmentRow>>> EnrolmentsAsync(int page, CancellationToken ct) =>
        GetAsync<Paged<EnrolmentRow>>(Query("api/talent/training/enrolments", ("page", page), ("pageSize", 20)), ct);

    public Task<ApiResult<EnrolmentRow>> CompleteEnrolmentAsync(Guid id, CancellationToken ct) =>
        SendAsync<EnrolmentRow>(HttpMethod.Post, $"api/talent/training/enrolments/{id}/complete", null, ct);

    public Task<ApiResult<List<SubsidyUsageRow>>> SubsidyUsageAsync(CancellationToken ct) => GetAsync<List<SubsidyUsageRow>>("api/talent/training/subsidy-usage", ct);

    public Task<ApiResult<Paged<UnmappedSkillRow>>> UnmappedSkillsAsync(int page, CancellationToken ct) =>
        GetAsync<Paged<UnmappedSkillRow>>(Query("api/talent/unmapped-skills", ("page", page), ("pageSize", 20)), ct);

    public Task<ApiResult<SkillGapFigures>> SkillGapAsync(int? months, CancellationToken ct) =>
        GetAsync<SkillGapFigures>(Query("api/talent/statistics/skill-gap", ("months", months)), ct);
}
