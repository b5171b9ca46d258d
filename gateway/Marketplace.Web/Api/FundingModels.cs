namespace Marketplace.Web.Api;

// The funding service's answers as the funding pages read them; enums arrive as their names.

public sealed record SchemeRules(
    string Basis, int GovernmentShare, int CompanyShare, decimal PercentageOfEligibleCost, decimal? PerProjectCapHkd, decimal? CumulativeCapHkd,
    int? MaxProjects, int? MaxConcurrentProjects, bool RequireHongKongRegistered, IReadOnlyList<string> SizeClasses, IReadOnlyList<string> Sectors,
    bool NoDoubleFunding, IReadOnlyList<string> EligibleCostTypes);

public sealed record AssessmentCriterion(string Code, string NameEn, string NameZh, int MaxScore, int PassMark);

public sealed record FundingScheme(
    Guid Id, string Code, Guid FundingBodyId, string NameEn, string NameZh, string DescriptionEn, string DescriptionZh, SchemeRules Rules,
    IReadOnlyList<AssessmentCriterion> Criteria, int AssessorCount, DateTimeOffset OpensAt, DateTimeOffset ClosesAt, bool Open);

public sealed record RuleCheck(string Rule, string Outcome, string ExplanationEn, string ExplanationZh);

public sealed record Eligibility(
    bool Eligible, decimal EligibleCostHkd, decimal RecommendedGrantHkd, string GrantExplanationEn, string GrantExplanationZh, IReadOnlyList<RuleCheck> Rules);

public sealed record FundingDecision(
    string Outcome, decimal GrantHkd, string? Conditions, string? Reasons, DateTimeOffset DecidedAt, DateTimeOffset FeedbackReleaseAt, bool FeedbackReleased);

public sealed record AssessorAssignment(Guid AssessorId, string Response, string? DeclineReason, DateTimeOffset AssignedAt, bool Scored);

public sealed record KpiValue(string NameEn, string NameZh, string Target, string Achieved);

public sealed record MilestoneReport(string ProgressEn, string ProgressZh, IReadOnlyList<KpiValue> Kpis, string? OutcomeSummaryEn, string? OutcomeSummaryZh);

public sealed record FundingMilestone(
    Guid Id, int Number, string DeliverableEn, string DeliverableZh, DateTimeOffset DueAt, decimal AmountHkd, string Status, bool Overdue,
    MilestoneReport? Report, DateTimeOffset? ReportedAt, string? OfficerComment, DateTimeOffset? AcceptedAt);

public sealed record BudgetLine(string CostType, decimal AmountHkd, string Description);

public sealed record FundingApplication(
    Guid Id, Guid SchemeId, string SchemeCode, string SchemeNameEn, string SchemeNameZh, Guid VendorOrganisationId, string VendorNameEn, string VendorNameZh,
    string Origin, Guid? ProjectId, Guid? ScenarioId, string TitleEn, string TitleZh, string Sector, decimal? ContractValueHkd, string Status,
    IReadOnlyList<BudgetLine> Budget, decimal CompanyContributionHkd, bool DeclaredNoOtherPublicFunding, bool DeclaredInformationTrue,
    DateTimeOffset CreatedAt, DateTimeOffset? SubmittedAt, decimal? RecommendedGrantHkdAtSubmission, Eligibility Eligibility,
    FundingDecision? Decision, IReadOnlyList<AssessorAssignment>? Assessors, IReadOnlyList<FundingMilestone> Milestones, decimal PaidHkd,
    bool AnyMilestoneOverdue, DateTimeOffset? CompletedAt);

public sealed record FundingApplicationRow(
    Guid Id, Guid SchemeId, Guid VendorOrganisationId, string TitleEn, string TitleZh, string Status, string Origin, Guid? ProjectId,
    decimal? RecommendedGrantHkd, decimal GrantHkd, decimal PaidHkd, DateTimeOffset CreatedAt, bool AnyMilestoneOverdue);

public sealed record AssessorCandidate(Guid UserId, string DisplayName, IReadOnlyList<string> Roles);

/// <summary>Before the declaration the applicant's name and the project title only; after declining nothing.</summary>
public sealed record Assignment(
    Guid ApplicationId, DateTimeOffset AssignedAt, string Response, bool Hidden, string? HiddenCode, string? TitleEn, string? TitleZh, Guid? SchemeId, bool? Scored,
    string? ApplicantNameEn = null, string? ApplicantNameZh = null);

public sealed record CriterionScore(string Criterion, int Score);

public sealed record ScoreCell(Guid AssessorId, int Score, decimal DeviationFromMean, bool Outlier);

public sealed record CriterionSummary(string Criterion, string NameEn, string NameZh, int MaxScore, int PassMark, decimal? Average, bool? Passed, IReadOnlyList<ScoreCell> Scores);

public sealed record ScoringSummary(IReadOnlyList<CriterionSummary> Criteria, int Scored, int Fund, int DoNotFund, bool AllPassed);

public sealed record AssessorFeedback(Guid AssessorId, string? Recommendation, string? Feedback, IReadOnlyList<CriterionScore> Scores);

public sealed record Scoring(Guid ApplicationId, decimal OutlierPointsPerTen, ScoringSummary Summary, IReadOnlyList<AssessorFeedback> Feedback);

public sealed record UnnamedFeedback(int Assessor, string? Recommendation, string? Feedback, IReadOnlyList<CriterionScore> Scores);

public sealed record FundingFeedback(Guid ApplicationId, FundingDecision Decision, ScoringSummary Summary, IReadOnlyList<UnnamedFeedback> Assessors);

public sealed record FundingHistoryEntry(DateTimeOffset At, string Action, string UserId, string? UserName);

// Request bodies, in the funding API's field names.

public sealed record NewApplicationBody(Guid? SchemeId, string? TitleEn, string? TitleZh, string? Sector, Guid? ProjectId);

public sealed record BudgetLineBody(string? CostType, decimal? AmountHkd, string? Description);

public sealed record CompleteApplicationBody(
    string? TitleEn, string? TitleZh, IReadOnlyList<BudgetLineBody> Budget, decimal? CompanyContributionHkd, bool? DeclaredNoOtherPublicFunding, bool? DeclaredInformationTrue);

public sealed record AssignmentAnswerBody(bool? Accept, string? DeclineReason, string? Note);

public sealed record FundingScoreBody(IReadOnlyList<CriterionScoreBody> Scores, string? Feedback, string? Recommendation);

public sealed record CriterionScoreBody(string? Criterion, int? Score);

public sealed record DecisionBody(string? Outcome, decimal? AmountHkd, string? Conditions, string? Reasons, DateTimeOffset? FeedbackReleaseAt);

public sealed record MilestonePlanBody(string? DeliverableEn, string? DeliverableZh, DateTimeOffset? DueAt, decimal? AmountHkd);

public sealed record KpiValueBody(string? NameEn, string? NameZh, string? Target, string? Achieved);

public sealed record ProgressReportBody(string? ProgressEn, string? ProgressZh, IReadOnlyList<KpiValueBody> Kpis, string? OutcomeSummaryEn, string? OutcomeSummaryZh);

public sealed record MilestoneDecisionBody(string? Comment);
