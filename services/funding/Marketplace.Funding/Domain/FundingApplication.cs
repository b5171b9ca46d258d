using System.Linq.Expressions;
using Marketplace.Contracts.Funding;
using Marketplace.ServiceDefaults.Auditing;
using Marketplace.ServiceDefaults.Errors;
using Marketplace.ServiceDefaults.Localization;

namespace Marketplace.Funding.Domain;

/// <summary>
/// A company's application under a scheme, opened from an award or by the vendor, through its
/// budget and declarations, submission, assessment, the panel's decision and, when funded, its
/// milestones and payments. Every transition is guarded here and named in the audit log.
/// </summary>
public sealed class FundingApplication : IAudited
{
    private readonly List<AssessorSlot> _slots = [];
    private string? _auditAction;

    private FundingApplication()
    {
    }

    private FundingApplication(Guid id, Scheme scheme, Guid vendorId, ApplicationOrigin origin, string titleEn, string titleZh, string sector, DateTimeOffset now)
    {
        (Id, SchemeId, FundingBodyId, VendorId, Origin) = (id, scheme.Id, scheme.FundingBodyId, vendorId, origin);
        (TitleEn, TitleZh, Sector, CreatedAt, Version) = (titleEn, titleZh, sector, now, Guid.NewGuid());
        _auditAction = origin == ApplicationOrigin.Award ? "OpenedFromAward" : "Opened";
    }

    public Guid Id { get; private set; }

    public Guid SchemeId { get; private set; }

    /// <summary>The scheme's funding body, kept so its officers' queue is one indexed query.</summary>
    public Guid FundingBodyId { get; private set; }

    public Guid VendorId { get; private set; }

    public ApplicationOrigin Origin { get; private set; }

    /// <summary>The awarded project this application funds (set when opened from an award or linked to one).</summary>
    public Guid? ProjectId { get; private set; }

    public Guid? ScenarioId { get; private set; }

    public string TitleEn { get; private set; } = "";

    public string TitleZh { get; private set; } = "";

    public string Sector { get; private set; } = "";

    /// <summary>The awarded contract value, for reference when the vendor completes the budget.</summary>
    public decimal? ContractValueHkd { get; private set; }

    public ApplicationStatus Status { get; private set; }

    public List<BudgetLine> Budget { get; private set; } = [];

    public decimal CompanyContributionHkd { get; private set; }

    public bool DeclaredNoOtherPublicFunding { get; private set; }

    public bool DeclaredInformationTrue { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? SubmittedAt { get; private set; }

    /// <summary>The engine's grant when the application was submitted.</summary>
    public decimal? RecommendedGrantHkd { get; private set; }

    public List<AssessorAssignment> Assessments { get; private set; } = [];

    /// <summary>One row per assignment for the queries that filter by assessor; follows <see cref="Assessments"/>.</summary>
    public IReadOnlyCollection<AssessorSlot> Slots => _slots;

    public FundingOutcome? Outcome { get; private set; }

    public decimal GrantHkd { get; private set; }

    public string? Conditions { get; private set; }

    public string? DecisionReasons { get; private set; }

    public DateTimeOffset? DecidedAt { get; private set; }

    /// <summary>From when the applicant sees the decision's reasons and the assessors' feedback.</summary>
    public DateTimeOffset? FeedbackReleaseAt { get; private set; }

    public List<Milestone> Milestones { get; private set; } = [];

    public decimal PaidHkd { get; private set; }

    public DateTimeOffset? CompletedAt { get; private set; }

    public DateTimeOffset? WithdrawnAt { get; private set; }

    public Guid Version { get; private set; }

    public string AuditId => Id.ToString();

    public string? TakeAuditAction()
    {
        var action = _auditAction;
        _auditAction = null;
        return action;
    }

    public ApplicationFacts Facts => new(Id, SchemeId, ProjectId, Sector, Budget, CompanyContributionHkd, DeclaredNoOtherPublicFunding, DeclaredInformationTrue);

    public OtherApplication AsOther => new(Id, SchemeId, ProjectId, Status, GrantHkd);

    public static FundingApplication FromAward(Guid id, Scheme scheme, AwardedProject project, ScenarioFacts scenario, DateTimeOffset now) =>
        new(id, scheme, project.VendorId!.Value, ApplicationOrigin.Award, scenario.TitleEn, scenario.TitleZh, scenario.Sector, now)
        {
            ProjectId = project.ProjectId,
            ScenarioId = project.ScenarioId,
            ContractValueHkd = project.PriceHkd,
        };

    public static FundingApplication Direct(Guid id, Scheme scheme, Guid vendorId, string titleEn, string titleZh, string sector, AwardedProject? project, DateTimeOffset now) =>
        new(id, scheme, vendorId, ApplicationOrigin.Direct, titleEn, titleZh, sector, now)
        {
            ProjectId = project?.ProjectId,
            ScenarioId = project?.ScenarioId,
            ContractValueHkd = project?.PriceHkd,
        };

    public void Complete(string titleEn, string titleZh, IEnumerable<BudgetLine> budget, decimal companyContributionHkd, bool noOtherPublicFunding, bool informationTrue)
    {
        Require(Status == ApplicationStatus.Draft, "not-a-draft", NotADraft);
        (TitleEn, TitleZh, Budget, CompanyContributionHkd) = (titleEn, titleZh, [.. budget], companyContributionHkd);
        (DeclaredNoOtherPublicFunding, DeclaredInformationTrue) = (noOtherPublicFunding, informationTrue);
        Touch("Completed");
    }

    public void Submit(EligibilityReport report, DateTimeOffset now)
    {
        Require(Status == ApplicationStatus.Draft, "not-a-draft", NotADraft);
        Require(report.Eligible, "not-eligible", NotEligible);
        (Status, SubmittedAt, RecommendedGrantHkd) = (ApplicationStatus.Submitted, now, report.RecommendedGrantHkd);
        Touch("Submitted");
    }

    /// <summary>The award it funds was cancelled: nothing more happens to it, unless it already completed.</summary>
    public bool Withdraw(DateTimeOffset now)
    {
        if (Status == ApplicationStatus.Withdrawn)
        {
            return false;
        }
        Require(Status != ApplicationStatus.Completed, "completed", AlreadyCompleted);
        (Status, WithdrawnAt) = (ApplicationStatus.Withdrawn, now);
        Touch("Withdrawn");
        return true;
    }

    public void AssignAssessors(IReadOnlyCollection<Guid> assessors, int required, DateTimeOffset now)
    {
        Require(Status is ApplicationStatus.Submitted or ApplicationStatus.OnHold, "not-under-assessment", NotUnderAssessment);
        var kept = Assessments.Where(a => assessors.Contains(a.AssessorId) || a.Response != AssignmentResponse.Pending).ToList();
        var added = assessors.Where(id => kept.All(a => a.AssessorId != id)).Select(id => new AssessorAssignment(id, now));
        var all = kept.Concat(added).ToList();
        Require(all.Count(a => a.Response != AssignmentResponse.Declined) >= required, "too-few-assessors", TooFewAssessors.Format(required));
        SetAssessments(all);
        Touch("AssessorsAssigned");
    }

    public AssessorAssignment? AssignmentOf(Guid assessorId) => Assessments.FirstOrDefault(a => a.AssessorId == assessorId);

    /// <summary>True for an assessor who may see the application: assigned and declared no conflict.</summary>
    public bool MayBeSeenByAssessor(Guid assessorId) => AssignmentOf(assessorId)?.Response == AssignmentResponse.Accepted;

    /// <summary>Assigned but not (yet) declared free of conflict: nothing of the application may reach them.</summary>
    public bool IsWithheldFrom(Guid userId) => AssignmentOf(userId) is { Response: not AssignmentResponse.Accepted };

    /// <summary><see cref="IsWithheldFrom"/> negated, as a query over the slots, for lists filtered and paged by the database.</summary>
    public static Expression<Func<FundingApplication, bool>> NotWithheldFrom(Guid userId) =>
        a => !a.Slots.Any(s => s.AssessorId == userId && s.Response != AssignmentResponse.Accepted);

    public void Respond(Guid assessorId, bool accept, DeclineReason? reason, string? note, DateTimeOffset now)
    {
        var assignment = AssignmentOf(assessorId) ?? throw new DomainRuleException("not-assigned", NotAssigned);
        Require(assignment.Response == AssignmentResponse.Pending, "already-responded", AlreadyResponded);
        Replace(assignment, assignment with
        {
            Response = accept ? AssignmentResponse.Accepted : AssignmentResponse.Declined,
            DeclineReason = accept ? null : reason,
            Note = note,
            RespondedAt = now,
        });
        Touch(accept ? "AssignmentAccepted" : "AssignmentDeclined");
    }

    public void Score(Scheme scheme, Guid assessorId, IReadOnlyList<CriterionScore> scores, string feedback, Recommendation recommendation, DateTimeOffset now)
    {
        var assignment = AssignmentOf(assessorId);
        Require(assignment?.Response == AssignmentResponse.Accepted, "declare-first", DeclareFirst);
        Require(Status is ApplicationStatus.Submitted or ApplicationStatus.OnHold, "not-under-assessment", NotUnderAssessment);
        Require(scheme.Criteria.All(c => scores.Count(s => s.Criterion == c.Code) == 1) && scores.Count == scheme.Criteria.Count
            && scores.All(s => scheme.Criteria.First(c => c.Code == s.Criterion) is var c && s.Score >= 0 && s.Score <= c.MaxScore),
            "scores-invalid", ScoresInvalid);
        Replace(assignment!, assignment! with { Scores = [.. scores], Feedback = feedback, Recommendation = recommendation, ScoredAt = now });
        Touch("Scored");
    }

    /// <summary>The panel decides; a grant never exceeds what the engine computes now (<paramref name="engineGrantHkd"/>).</summary>
    public FundingDecided Decide(Scheme scheme, FundingOutcome outcome, decimal amountHkd, decimal engineGrantHkd, string? conditions, string reasons, DateTimeOffset feedbackReleaseAt, DateTimeOffset now)
    {
        Require(Status is ApplicationStatus.Submitted or ApplicationStatus.OnHold, "not-under-assessment", NotUnderAssessment);
        if (outcome == FundingOutcome.Funded)
        {
            Require(amountHkd > 0 && amountHkd == decimal.Truncate(amountHkd), "grant-not-whole", GrantNotWhole);
            Require(amountHkd <= engineGrantHkd, "above-engine-grant", AboveEngineGrant.Format(Money.Hkd(engineGrantHkd)));
            // Funding follows the assessment: every assessor still on the application has scored (a declined one
            // is off it), and the scores' averages reach every criterion's pass mark. Unfunded and on hold need neither.
            Require(Assessments.Any(a => a.Scored) && Assessments.All(a => a.Scored || a.Response == AssignmentResponse.Declined),
                "assessment-incomplete", AssessmentIncomplete);
            Require(Scoring.Summarise(scheme, Assessments, 0m).AllPassed, "pass-marks-not-met", PassMarksNotMet);
        }
        var grant = outcome == FundingOutcome.Funded ? amountHkd : 0m;
        Status = outcome switch
        {
            FundingOutcome.Funded => ApplicationStatus.Funded,
            FundingOutcome.Unfunded => ApplicationStatus.Unfunded,
            _ => ApplicationStatus.OnHold,
        };
        (Outcome, GrantHkd, Conditions, DecisionReasons, DecidedAt, FeedbackReleaseAt) = (outcome, grant, conditions, reasons, now, feedbackReleaseAt);
        Touch("Decided");
        return new FundingDecided(Id, SchemeId, scheme.Code, VendorId, ProjectId, ScenarioId, outcome, grant, now, FundingBodyId);
    }

    public bool FeedbackReleasedAt(DateTimeOffset now) => DecidedAt is not null && FeedbackReleaseAt <= now;

    public void PlanMilestones(IReadOnlyList<MilestonePlan> plans)
    {
        Require(Status == ApplicationStatus.Funded, "not-funded", NotFunded);
        Require(Milestones.All(m => m.Status == MilestoneStatus.Planned), "milestones-started", MilestonesStarted);
        Require(plans.Count > 0 && plans.Sum(p => p.AmountHkd) == GrantHkd, "milestones-not-grant", MilestonesNotGrant.Format(Money.Hkd(GrantHkd)));
        Milestones = [.. plans.OrderBy(p => p.DueAt).Select((p, i) => new Milestone(Guid.NewGuid(), i + 1, p.DeliverableEn, p.DeliverableZh, p.DueAt, p.AmountHkd))];
        Touch("MilestonesPlanned");
    }

    public void ReportProgress(Guid milestoneId, MilestoneReport report, DateTimeOffset now)
    {
        Require(Status == ApplicationStatus.Funded, "not-funded", NotFunded);
        var milestone = MilestoneOf(milestoneId);
        Require(milestone.Status is MilestoneStatus.Planned or MilestoneStatus.Returned, "milestone-not-open", MilestoneNotOpen);
        Replace(milestone, milestone with { Status = MilestoneStatus.Reported, Report = report, ReportedAt = now });
        Touch("ProgressReported");
    }

    public void ReturnReport(Guid milestoneId, string comment)
    {
        var milestone = MilestoneOf(milestoneId);
        Require(milestone.Status == MilestoneStatus.Reported, "milestone-not-reported", MilestoneNotReported);
        Replace(milestone, milestone with { Status = MilestoneStatus.Returned, OfficerComment = comment });
        Touch("ReportReturned");
    }

    /// <summary>Accepts a reported milestone and releases its payment; the last one completes the project. Answers the events to publish.</summary>
    public IReadOnlyList<object> AcceptMilestone(Guid milestoneId, string? comment, DateTimeOffset now)
    {
        Require(Status == ApplicationStatus.Funded, "not-funded", NotFunded);
        var milestone = MilestoneOf(milestoneId);
        Require(milestone.Status == MilestoneStatus.Reported, "milestone-not-reported", MilestoneNotReported);
        Require(PaidHkd + milestone.AmountHkd <= GrantHkd, "above-grant", AboveGrant);
        Replace(milestone, milestone with { Status = MilestoneStatus.Accepted, OfficerComment = comment, AcceptedAt = now });
        PaidHkd += milestone.AmountHkd;
        var events = new List<object>
        {
            new MilestoneAccepted(Id, milestone.Id, VendorId, ProjectId, milestone.Number, Milestones.Count, milestone.AmountHkd, now),
            new DisbursementReleased(Id, milestone.Id, VendorId, milestone.AmountHkd, PaidHkd, GrantHkd, now),
        };
        if (Milestones.All(m => m.Status == MilestoneStatus.Accepted))
        {
            (Status, CompletedAt) = (ApplicationStatus.Completed, now);
            if (ProjectId is { } project && ScenarioId is { } scenario)
            {
                var report = milestone.Report!;
                events.Add(new ProjectCompleted(project, scenario, VendorId, report.OutcomeSummaryEn ?? report.ProgressEn, report.OutcomeSummaryZh ?? report.ProgressZh,
                    Milestones.SelectMany(m => m.Report?.Kpis ?? []).GroupBy(k => k.NameEn).Select(g => g.Last())
                        .Select(k => new KpiResult(k.NameEn, k.NameZh, k.Target, k.Achieved)).ToList(), now));
            }
        }
        Touch(Status == ApplicationStatus.Completed ? "ProjectCompleted" : "MilestoneAccepted");
        return events;
    }

    private Milestone MilestoneOf(Guid milestoneId) =>
        Milestones.FirstOrDefault(m => m.Id == milestoneId) ?? throw new DomainRuleException("no-such-milestone", NoSuchMilestone);

    private void Replace(AssessorAssignment old, AssessorAssignment updated) =>
        SetAssessments([.. Assessments.Select(a => a == old ? updated : a)]);

    private void SetAssessments(List<AssessorAssignment> assessments)
    {
        Assessments = assessments;
        _slots.RemoveAll(slot => assessments.All(a => a.AssessorId != slot.AssessorId));
        foreach (var assignment in assessments)
        {
            if (_slots.FirstOrDefault(slot => slot.AssessorId == assignment.AssessorId) is { } slot)
            {
                slot.Follow(assignment);
            }
            else
            {
                _slots.Add(new AssessorSlot(Id, assignment));
            }
        }
    }

    private void Replace(Milestone old, Milestone updated) =>
        Milestones = [.. Milestones.Select(m => m.Id == old.Id ? updated : m)];

    private void Touch(string action)
    {
        _auditAction = action;
        Version = Guid.NewGuid();
    }

    private static void Require(bool condition, string code, LocalizedText text)
    {
        if (!condition)
        {
            throw new DomainRuleException(code, text);
        }
    }

    public static readonly LocalizedText NotADraft = new("Only a draft application can be changed or submitted.", "只可修改或提交草稿申請。");
    public static readonly LocalizedText NotEligible = new("The application does not pass every eligibility rule; see its eligibility explanation.", "申請未符合所有資格規則；請參閱資格說明。");
    public static readonly LocalizedText AlreadyCompleted = new("The project has completed; its application cannot be withdrawn.", "項目已完成，其申請不可撤回。");
    public static readonly LocalizedText NotUnderAssessment = new("The application is not under assessment.", "申請並非在評審中。");
    public static readonly LocalizedText TooFewAssessors = new("The scheme needs at least {0} assessors who have not declined.", "本計劃需要最少 {0} 名未拒絕的評審員。");
    public static readonly LocalizedText NotAssigned = new("You are not an assessor of this application.", "你並非此申請的評審員。");
    public static readonly LocalizedText AlreadyResponded = new("You have already answered this assignment.", "你已回覆此評審委派。");
    public static readonly LocalizedText DeclareFirst = new("Declare that you have no conflict of interest (accept the assignment) before scoring.", "評分前須先聲明沒有利益衝突（接受委派）。");
    public static readonly LocalizedText ScoresInvalid = new("Give exactly one integer score from 0 to its maximum for each of the scheme's criteria.", "須為本計劃每項準則各給一個由 0 至上限的整數分數。");
    public static readonly LocalizedText GrantNotWhole = new("A grant is a positive amount in whole HKD.", "資助額須為正數整數港元。");
    public static readonly LocalizedText AssessmentIncomplete = new("An application can be funded only after every assigned assessor who has not declined has scored it.", "須待每位未婉拒的獲委派評審員完成評分，申請方可獲資助。");
    public static readonly LocalizedText PassMarksNotMet = new("An application can be funded only when the average score of every criterion reaches its pass mark.", "每項準則的平均分須達合格分數，申請方可獲資助。");
    public static readonly LocalizedText AboveEngineGrant = new("The grant may not exceed the scheme's rules allow now: {0}.", "資助額不可超過計劃規則現時容許的 {0}。");
    public static readonly LocalizedText NotFunded = new("Only a funded application has milestones.", "只有獲資助的申請設有里程碑。");
    public static readonly LocalizedText MilestonesStarted = new("Milestones cannot be re-planned once one has been reported.", "已有里程碑提交報告後，不可重新規劃里程碑。");
    public static readonly LocalizedText MilestonesNotGrant = new("The milestones' amounts must add up to the grant, {0}.", "里程碑金額總和必須等於資助額 {0}。");
    public static readonly LocalizedText MilestoneNotOpen = new("This milestone has been reported or accepted already.", "此里程碑已提交報告或已獲接納。");
    public static readonly LocalizedText MilestoneNotReported = new("This milestone has no report waiting for a decision.", "此里程碑沒有待處理的報告。");
    public static readonly LocalizedText AboveGrant = new("Payments may never exceed the grant.", "付款總額不可超過資助額。");
    public static readonly LocalizedText NoSuchMilestone = new("The application has no such milestone.", "申請沒有此里程碑。");
}
