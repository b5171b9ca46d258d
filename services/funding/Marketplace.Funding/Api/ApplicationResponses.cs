using Marketplace.Contracts.Funding;
using Marketplace.Funding.Domain;
using Marketplace.ServiceDefaults.Localization;

namespace Marketplace.Funding.Api;

public sealed record RuleCheckResponse(EligibilityRule Rule, RuleOutcome Outcome, string ExplanationEn, string ExplanationZh);

/// <summary>The engine's verdict: each rule with its reason in both languages, the eligible cost and the recommended grant with how it was reached.</summary>
public sealed record EligibilityResponse(
    bool Eligible, decimal EligibleCostHkd, decimal RecommendedGrantHkd, string GrantExplanationEn, string GrantExplanationZh, IReadOnlyList<RuleCheckResponse> Rules)
{
    public static EligibilityResponse From(EligibilityReport r) => new(
        r.Eligible, r.Grant.EligibleCostHkd, r.RecommendedGrantHkd, r.Grant.Explanation.En, r.Grant.Explanation.Zh,
        [.. r.Checks.Select(c => new RuleCheckResponse(c.Rule, c.Outcome, c.Explanation.En, c.Explanation.Zh))]);
}

/// <summary>The panel's decision; its reasons reach the applicant only from the feedback release date.</summary>
public sealed record DecisionResponse(
    FundingOutcome Outcome, decimal GrantHkd, string? Conditions, string? Reasons, DateTimeOffset DecidedAt, DateTimeOffset FeedbackReleaseAt,
    string FeedbackReleaseAtHongKong, bool FeedbackReleased);

public sealed record AssignmentSummary(Guid AssessorId, AssignmentResponse Response, DeclineReason? DeclineReason, DateTimeOffset AssignedAt, bool Scored);

public sealed record MilestoneResponse(
    Guid Id, int Number, string DeliverableEn, string DeliverableZh, DateTimeOffset DueAt, string DueAtHongKong, decimal AmountHkd,
    MilestoneStatus Status, bool Overdue, MilestoneReport? Report, DateTimeOffset? ReportedAt, string? OfficerComment, DateTimeOffset? AcceptedAt)
{
    public static MilestoneResponse From(Milestone m, DateTimeOffset now) => new(
        m.Id, m.Number, m.DeliverableEn, m.DeliverableZh, m.DueAt, HongKongTime.Format(m.DueAt), m.AmountHkd, m.Status, m.IsOverdueAt(now),
        m.Report, m.ReportedAt, m.OfficerComment, m.AcceptedAt);
}

/// <summary>
/// An application as the caller may see it: the applicant sees the decision's reasons only from the
/// feedback release date; only officers see the assessors and their responses; assessors see no decision.
/// </summary>
public sealed record ApplicationResponse(
    Guid Id, Guid SchemeId, string SchemeCode, string SchemeNameEn, string SchemeNameZh, Guid VendorOrganisationId, string VendorNameEn, string VendorNameZh,
    ApplicationOrigin Origin, Guid? ProjectId, Guid? ScenarioId, string TitleEn, string TitleZh, string Sector, decimal? ContractValueHkd,
    ApplicationStatus Status, IReadOnlyList<BudgetLine> Budget, decimal CompanyContributionHkd, bool DeclaredNoOtherPublicFunding, bool DeclaredInformationTrue,
    DateTimeOffset CreatedAt, DateTimeOffset? SubmittedAt, decimal? RecommendedGrantHkdAtSubmission, EligibilityResponse Eligibility,
    DecisionResponse? Decision, IReadOnlyList<AssignmentSummary>? Assessors, IReadOnlyList<MilestoneResponse> Milestones, decimal PaidHkd,
    bool AnyMilestoneOverdue, DateTimeOffset? CompletedAt)
{
    public static ApplicationResponse From(FundingApplication a, Scheme s, VendorFacts? vendor, EligibilityReport report, Viewer viewer, DateTimeOffset now)
    {
        var released = a.FeedbackReleasedAt(now);
        var decision = a.Outcome is { } outcome && viewer != Viewer.Assessor
            ? new DecisionResponse(outcome, a.GrantHkd, a.Conditions, viewer == Viewer.Officer || released ? a.DecisionReasons : null, a.DecidedAt!.Value,
                a.FeedbackReleaseAt!.Value, HongKongTime.Format(a.FeedbackReleaseAt), released)
            : null;
        var assessors = viewer == Viewer.Officer
            ? a.Assessments.Select(x => new AssignmentSummary(x.AssessorId, x.Response, x.DeclineReason, x.AssignedAt, x.Scored)).ToList()
            : null;
        var milestones = a.Milestones.Select(m => MilestoneResponse.From(m, now)).ToList();
        return new ApplicationResponse(
            a.Id, s.Id, s.Code, s.NameEn, s.NameZh, a.VendorId, vendor?.NameEn ?? "", vendor?.NameZh ?? "", a.Origin, a.ProjectId, a.ScenarioId,
            a.TitleEn, a.TitleZh, a.Sector, a.ContractValueHkd, a.Status, a.Budget, a.CompanyContributionHkd, a.DeclaredNoOtherPublicFunding,
            a.DeclaredInformationTrue, a.CreatedAt, a.SubmittedAt, a.RecommendedGrantHkd, EligibilityResponse.From(report), decision, assessors,
            milestones, a.PaidHkd, milestones.Any(m => m.Overdue), a.CompletedAt);
    }
}

/// <summary>A row of a queue: what an officer or the applicant needs to pick an application.</summary>
public sealed record ApplicationListItem(
    Guid Id, Guid SchemeId, Guid VendorOrganisationId, string TitleEn, string TitleZh, ApplicationStatus Status, ApplicationOrigin Origin,
    Guid? ProjectId, decimal? RecommendedGrantHkd, decimal GrantHkd, decimal PaidHkd, DateTimeOffset CreatedAt, bool AnyMilestoneOverdue)
{
    public static ApplicationListItem From(FundingApplication a, DateTimeOffset now) => new(
        a.Id, a.SchemeId, a.VendorId, a.TitleEn, a.TitleZh, a.Status, a.Origin, a.ProjectId, a.RecommendedGrantHkd, a.GrantHkd, a.PaidHkd, a.CreatedAt,
        a.Milestones.Any(m => m.IsOverdueAt(now)));
}
