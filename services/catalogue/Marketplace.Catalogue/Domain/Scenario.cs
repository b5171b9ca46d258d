using Marketplace.ServiceDefaults.Text;
using Marketplace.Contracts.Catalogue;
using Marketplace.ServiceDefaults.Auditing;
using Marketplace.ServiceDefaults.Localization;

namespace Marketplace.Catalogue.Domain;

/// <summary>
/// A government department's AI application scenario. The entity owns its lifecycle: each
/// transition checks the current status and returns the event that announces it.
/// </summary>
public sealed class Scenario : IAudited
{
    private Scenario()
    {
    }

    public Guid Id { get; private set; }

    public Guid DepartmentId { get; private set; }

    public ScenarioStatus Status { get; private set; }

    public string TitleEn { get; private set; } = "";

    public string TitleZh { get; private set; } = "";

    public string ProblemEn { get; private set; } = "";

    public string ProblemZh { get; private set; } = "";

    public string ExpectedOutcomesEn { get; private set; } = "";

    public string ExpectedOutcomesZh { get; private set; } = "";

    public SmartCityArea Area { get; private set; }

    public string Sector { get; private set; } = "";

    public List<string> Capabilities { get; private set; } = [];

    public decimal BudgetMinHkd { get; private set; }

    public decimal BudgetMaxHkd { get; private set; }

    public DataResidency DataResidency { get; private set; }

    public int PilotDurationMonths { get; private set; }

    public List<string> TargetSchemes { get; private set; } = [];

    public List<Kpi> Kpis { get; private set; } = [];

    public string DataDescriptionEn { get; private set; } = "";

    public string DataDescriptionZh { get; private set; } = "";

    public string DataFormat { get; private set; } = "";

    public AiRiskTier AiRiskTier { get; private set; }

    public string ContactName { get; private set; } = "";

    public string ContactEmail { get; private set; } = "";

    /// <summary>The batch it was submitted to and is published in.</summary>
    public Guid? BatchId { get; private set; }

    /// <summary>Search tokens of the title (weighted higher) and of the problem, outcomes and KPIs (see SearchTokens).</summary>
    public string SearchTitle { get; private set; } = "";

    public string SearchBody { get; private set; } = "";

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public DateTimeOffset? SubmittedAt { get; private set; }

    public DateTimeOffset? ApprovedAt { get; private set; }

    /// <summary>Why an administrator sent a submission back to the department.</summary>
    public string? ReturnReason { get; private set; }

    public DateTimeOffset? PublishedAt { get; private set; }

    public DateTimeOffset? ProposalDeadline { get; private set; }

    public DateTimeOffset? ProposalsClosedAt { get; private set; }

    public DateTimeOffset? AwardedAt { get; private set; }

    public Guid? AwardedVendorId { get; private set; }

    public Guid? ProjectId { get; private set; }

    /// <summary>What the award is worth (the awarded proposal's price), shown publicly like a procurement portal's award notice.</summary>
    public decimal? AwardedValueHkd { get; private set; }

    /// <summary>Until then the award may be challenged and cancelled, so no contract exists and delivery may not start.</summary>
    public DateTimeOffset? StandstillEndsAt { get; private set; }

    /// <summary>Projects whose award was cancelled: a late or repeated event about one of them is recognised as stale.</summary>
    public List<Guid> CancelledProjectIds { get; private set; } = [];

    public DateTimeOffset? DeliveryStartedAt { get; private set; }

    public DateTimeOffset? CompletedAt { get; private set; }

    /// <summary>When it was cancelled or declared unsuccessful, and why (public).</summary>
    public DateTimeOffset? ClosedAt { get; private set; }

    public string? ClosureReason { get; private set; }

    public int AmendmentCount { get; private set; }

    string IAudited.AuditId => Id.ToString();

    /// <summary>The transition since the last save, for the audit log's history ("Published", "Awarded").</summary>
    private string? _transition;

    string? IAudited.TakeAuditAction()
    {
        var transition = _transition;
        _transition = null;
        return transition;
    }

    /// <summary>Optimistic concurrency: two officers saving at once cannot silently overwrite each other.</summary>
    public int Version { get; private set; }

    public bool IsPublic => Status is not (ScenarioStatus.Draft or ScenarioStatus.Submitted);

    /// <param name="id">Only for importing scenarios whose id is already known (demo data, migrations from other systems).</param>
    public static Scenario CreateDraft(Guid departmentId, ScenarioDetails details, DateTimeOffset now, Guid? id = null)
    {
        EnsureValid(details);
        var scenario = new Scenario
        {
            Id = id ?? Guid.NewGuid(),
            DepartmentId = departmentId,
            Status = ScenarioStatus.Draft,
            CreatedAt = now,
        };
        scenario.Apply(details, now);
        return scenario;
    }

    public void Edit(ScenarioDetails details, DateTimeOffset now)
    {
        Require(ScenarioStatus.Draft, "scenario-not-draft", ScenarioRules.OnlyDraftsEditable);
        EnsureValid(details);
        Apply(details, now);
        _transition = "Edited";
    }

    /// <summary>The department submits its draft for a batch that has not been published yet.</summary>
    public void Submit(Batch batch, DateTimeOffset now)
    {
        Require(ScenarioStatus.Draft, "scenario-not-draft", ScenarioRules.OnlyDraftsSubmittable);
        if (batch.Status != BatchStatus.Open)
        {
            throw ScenarioRules.Violation("batch-not-open", ScenarioRules.BatchNotOpen.Format(batch.Code));
        }
        Status = ScenarioStatus.Submitted;
        BatchId = batch.Id;
        SubmittedAt = now;
        ApprovedAt = null;
        ReturnReason = null;
        Touch(now, "Submitted");
    }

    /// <summary>An administrator accepts the submission for its batch.</summary>
    public void Approve(DateTimeOffset now)
    {
        Require(ScenarioStatus.Submitted, "scenario-not-submitted", ScenarioRules.OnlySubmittedApprovable);
        ApprovedAt = now;
        Touch(now, "Approved");
    }

    /// <summary>An administrator sends the submission back with a reason; it is a draft again.</summary>
    public void Return(string reason, DateTimeOffset now)
    {
        Require(ScenarioStatus.Submitted, "scenario-not-submitted", ScenarioRules.OnlySubmittedApprovable);
        Status = ScenarioStatus.Draft;
        ReturnReason = reason;
        ApprovedAt = null;
        BatchId = null;
        Touch(now, "Returned");
    }

    public bool IsApprovedFor(Guid batchId) => Status == ScenarioStatus.Submitted && ApprovedAt is not null && BatchId == batchId;

    /// <summary>Published with its batch; the deadline must leave vendors at least the minimum proposal period.</summary>
    public ScenarioPublished Publish(DateTimeOffset proposalDeadline, DateTimeOffset now, TimeSpan minimumProposalPeriod)
    {
        if (Status != ScenarioStatus.Submitted || ApprovedAt is null)
        {
            throw ScenarioRules.Violation("scenario-not-approved", ScenarioRules.OnlyApprovedPublishable.Format(ScenarioRules.StatusNames[Status].En));
        }
        if (ScenarioRules.CheckDeadline(proposalDeadline, now, minimumProposalPeriod) is { } problem)
        {
            throw ScenarioRules.Violation("deadline-out-of-range", problem);
        }
        Status = ScenarioStatus.Published;
        PublishedAt = now;
        ProposalDeadline = proposalDeadline;
        Touch(now, "Published");
        return new ScenarioPublished(
            Id, DepartmentId, BatchId, TitleEn, TitleZh, ProblemEn, ProblemZh, Area.ToString(), Sector, [.. Capabilities],
            BudgetMinHkd, BudgetMaxHkd, DataResidency.ToString(), [.. TargetSchemes], proposalDeadline, now);
    }

    /// <summary>
    /// Changes a published scenario before its deadline. The amendment is recorded; when fewer than
    /// 7 days remain, the deadline moves to 7 days after the amendment so vendors can react.
    /// </summary>
    public (ScenarioAmendment Amendment, ScenarioAmended Event) Amend(ScenarioDetails details, string summaryEn, string summaryZh, string amendedBy, DateTimeOffset now)
    {
        Require(ScenarioStatus.Published, "scenario-not-published", ScenarioRules.OnlyPublishedAmendable);
        if (now >= ProposalDeadline)
        {
            throw ScenarioRules.Violation("deadline-passed", ScenarioRules.DeadlinePassed);
        }
        EnsureValid(details);
        var changed = ScenarioRules.ChangedFields(Details(), details);
        if (changed.Count == 0)
        {
            throw ScenarioRules.Violation("amendment-changes-nothing", ScenarioRules.AmendmentChangesNothing);
        }
        var before = ProposalDeadline!.Value;
        var after = ScenarioRules.DeadlineAfterAmendment(before, now);
        Apply(details, now);
        ProposalDeadline = after;
        AmendmentCount++;
        _transition = "Amended";
        var amendment = new ScenarioAmendment(Id, AmendmentCount, summaryEn.Trim(), summaryZh.Trim(), changed, before, after, amendedBy, now);
        return (amendment, new ScenarioAmended(Id, DepartmentId, AmendmentCount, amendment.SummaryEn, amendment.SummaryZh, changed,
            TitleEn, TitleZh, [.. Capabilities], BudgetMinHkd, BudgetMaxHkd, after, now));
    }

    /// <summary>The deadline passed: no more proposals or questions. Idempotent for the scheduler.</summary>
    public ScenarioClosed? CloseProposals(DateTimeOffset now)
    {
        if (Status != ScenarioStatus.Published || now < ProposalDeadline)
        {
            return null;
        }
        Status = ScenarioStatus.ProposalsClosed;
        ProposalsClosedAt = now;
        Touch(now, "ProposalsClosed");
        return new ScenarioClosed(Id, DepartmentId, ScenarioClosureKind.DeadlinePassed, ScenarioRules.DeadlineReason, now);
    }

    /// <summary>Matching awarded a proposal (ProjectAwarded). A deadline the scheduler has not processed yet is closed first.</summary>
    public ScenarioClosed? Award(Guid projectId, Guid vendorOrganisationId, decimal valueHkd, DateTimeOffset awardedAt, DateTimeOffset standstillEndsAt)
    {
        if (CancelledProjectIds.Contains(projectId))
        {
            throw ScenarioRules.Violation("award-cancelled", ScenarioRules.AwardAlreadyCancelled);
        }
        var closed = Status == ScenarioStatus.Published ? CloseProposals(awardedAt) : null;
        Require(ScenarioStatus.ProposalsClosed, "scenario-not-closed", ScenarioRules.OnlyClosedAwardable);
        Status = ScenarioStatus.Awarded;
        AwardedAt = awardedAt;
        AwardedVendorId = vendorOrganisationId;
        AwardedValueHkd = valueHkd;
        ProjectId = projectId;
        StandstillEndsAt = standstillEndsAt;
        Touch(awardedAt, "Awarded");
        return closed;
    }

    /// <summary>Whether an award or cancellation event is about a project whose award was already cancelled here.</summary>
    public bool IsCancelledProject(Guid projectId) => CancelledProjectIds.Contains(projectId);

    /// <summary>
    /// The award of <paramref name="projectId"/> was cancelled in its standstill period; proposals are evaluated again.
    /// A cancellation of a project that is not the current award (an older one, or one whose award has
    /// not arrived yet) is remembered, so that award is never applied, and changes nothing else: returns false.
    /// Once delivery has started the award is a contract and the cancellation is refused.
    /// </summary>
    public bool CancelAward(Guid projectId, DateTimeOffset now)
    {
        if (ProjectId == projectId && Status != ScenarioStatus.Awarded)
        {
            throw ScenarioRules.Violation("award-not-cancellable", ScenarioRules.OnlyAwardedCancellable.Format(ScenarioRules.StatusNames[Status].En));
        }
        var current = ProjectId == projectId;
        if (current)
        {
            Status = ScenarioStatus.ProposalsClosed;
            AwardedAt = null;
            AwardedVendorId = null;
            AwardedValueHkd = null;
            ProjectId = null;
            StandstillEndsAt = null;
        }
        if (current || !CancelledProjectIds.Contains(projectId))
        {
            CancelledProjectIds = [.. CancelledProjectIds, projectId];
            Touch(now, current ? "AwardCancelled" : "StaleAwardCancellationRecorded");
        }
        return current;
    }

    /// <summary>The department starts delivery: only once the award's standstill period has ended.</summary>
    public ScenarioDeliveryStarted StartDelivery(DateTimeOffset now)
    {
        Require(ScenarioStatus.Awarded, "scenario-not-awarded", ScenarioRules.OnlyAwardedStartable);
        if (StandstillEndsAt is { } ends && now <= ends)
        {
            throw ScenarioRules.Violation("standstill-not-ended", ScenarioRules.StandstillNotEnded.Format(HongKongTime.Format(ends)));
        }
        Status = ScenarioStatus.InDelivery;
        DeliveryStartedAt = now;
        Touch(now, "DeliveryStarted");
        return new ScenarioDeliveryStarted(Id, ProjectId!.Value, DepartmentId, AwardedVendorId!.Value, now);
    }

    /// <summary>
    /// The project completed (ProjectCompleted). A completed project was delivered, whether or not the
    /// department pressed "start delivery": from Awarded the scenario passes through InDelivery in the
    /// same step (audited as <c>CompletedFromAwarded</c>, the audit action being at most 20 characters; delivery dated at the completion) and the
    /// start of delivery is returned for matching, which then refuses a late cancellation as it does after a start.
    /// </summary>
    public ScenarioDeliveryStarted? Complete(DateTimeOffset now)
    {
        if (Status is not (ScenarioStatus.Awarded or ScenarioStatus.InDelivery))
        {
            throw ScenarioRules.Violation("scenario-not-in-delivery", ScenarioRules.OnlyDeliveredCompletable.Format(ScenarioRules.StatusNames[Status].En));
        }
        ScenarioDeliveryStarted? started = null;
        if (Status == ScenarioStatus.Awarded)
        {
            Status = ScenarioStatus.InDelivery;
            DeliveryStartedAt ??= now;
            started = new ScenarioDeliveryStarted(Id, ProjectId!.Value, DepartmentId, AwardedVendorId!.Value, DeliveryStartedAt.Value);
        }
        Status = ScenarioStatus.Completed;
        CompletedAt = now;
        Touch(now, started is null ? "Completed" : "CompletedFromAwarded");
        return started;
    }

    /// <summary>The department withdraws the scenario before an award; a public one announces it.</summary>
    public ScenarioClosed? Cancel(string reason, DateTimeOffset now)
    {
        if (Status is not (ScenarioStatus.Draft or ScenarioStatus.Submitted or ScenarioStatus.Published or ScenarioStatus.ProposalsClosed))
        {
            throw ScenarioRules.Violation("scenario-not-cancellable", ScenarioRules.NotCancellable.Format(ScenarioRules.StatusNames[Status].En));
        }
        var wasOpen = Status == ScenarioStatus.Published;
        Status = ScenarioStatus.Cancelled;
        ClosedAt = now;
        ClosureReason = reason;
        Touch(now, "Cancelled");
        return wasOpen ? new ScenarioClosed(Id, DepartmentId, ScenarioClosureKind.Cancelled, reason, now) : null;
    }

    /// <summary>After evaluation no proposal could be awarded.</summary>
    public void MarkUnsuccessful(string reason, DateTimeOffset now)
    {
        Require(ScenarioStatus.ProposalsClosed, "scenario-not-closed", ScenarioRules.OnlyClosedUnsuccessful);
        Status = ScenarioStatus.Unsuccessful;
        ClosedAt = now;
        ClosureReason = reason;
        Touch(now, "DeclaredUnsuccessful");
    }

    public ScenarioDetails Details() => new(
        TitleEn, TitleZh, ProblemEn, ProblemZh, ExpectedOutcomesEn, ExpectedOutcomesZh, Area, Sector,
        Capabilities, BudgetMinHkd, BudgetMaxHkd, DataResidency, PilotDurationMonths, TargetSchemes,
        Kpis, DataDescriptionEn, DataDescriptionZh, DataFormat, AiRiskTier, ContactName, ContactEmail);

    private void Require(ScenarioStatus expected, string code, LocalizedText text)
    {
        if (Status != expected)
        {
            throw ScenarioRules.Violation(code, text.Format(ScenarioRules.StatusNames[Status].En));
        }
    }

    private static void EnsureValid(ScenarioDetails details)
    {
        var errors = details.Check();
        if (!errors.IsValid)
        {
            // Handlers validate first and answer 400; reaching this is a programming error.
            throw new ArgumentException($"Invalid scenario details: {string.Join(", ", errors.Fields)}", nameof(details));
        }
    }

    private void Apply(ScenarioDetails d, DateTimeOffset now)
    {
        TitleEn = d.TitleEn.Trim();
        TitleZh = d.TitleZh.Trim();
        ProblemEn = d.ProblemEn.Trim();
        ProblemZh = d.ProblemZh.Trim();
        ExpectedOutcomesEn = d.ExpectedOutcomesEn.Trim();
        ExpectedOutcomesZh = d.ExpectedOutcomesZh.Trim();
        Area = d.Area;
        Sector = d.Sector;
        Capabilities = [.. d.Capabilities];
        BudgetMinHkd = d.BudgetMinHkd;
        BudgetMaxHkd = d.BudgetMaxHkd;
        DataResidency = d.DataResidency;
        PilotDurationMonths = d.PilotDurationMonths;
        TargetSchemes = [.. d.TargetSchemes];
        Kpis = d.Kpis.Select(k => new Kpi(k.NameEn.Trim(), k.NameZh.Trim(), k.Target.Trim())).ToList();
        DataDescriptionEn = d.DataDescriptionEn.Trim();
        DataDescriptionZh = d.DataDescriptionZh.Trim();
        DataFormat = d.DataFormat.Trim();
        AiRiskTier = d.AiRiskTier;
        ContactName = d.ContactName.Trim();
        ContactEmail = d.ContactEmail.Trim();
        SearchTitle = SearchTokens.Index(TitleEn, TitleZh);
        SearchBody = SearchTokens.Index(ProblemEn, ProblemZh, ExpectedOutcomesEn, ExpectedOutcomesZh,
            string.Join(' ', Kpis.Select(k => $"{k.NameEn} {k.NameZh}")));
        Touch(now);
    }

    private void Touch(DateTimeOffset now, string? transition = null)
    {
        UpdatedAt = now;
        Version++;
        _transition = transition ?? _transition;
    }
}
