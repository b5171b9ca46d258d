namespace Marketplace.Funding.Domain;

public enum MilestoneStatus
{
    Planned,
    /// <summary>The vendor reported progress; waiting for the officer.</summary>
    Reported,
    /// <summary>The officer returned the report with comments; the vendor reports again.</summary>
    Returned,
    /// <summary>Accepted and its payment released.</summary>
    Accepted,
}

/// <summary>A KPI value the vendor reports with a milestone.</summary>
public sealed record KpiValue(string NameEn, string NameZh, string Target, string Achieved);

/// <summary>What the officer plans: a deliverable, its due date and the payment released when it is accepted.</summary>
public sealed record MilestonePlan(string DeliverableEn, string DeliverableZh, DateTimeOffset DueAt, decimal AmountHkd);

/// <summary>What the vendor reports against a milestone; the outcome summary matters on the last one (it becomes the success case's outcome).</summary>
public sealed record MilestoneReport(string ProgressEn, string ProgressZh, IReadOnlyList<KpiValue> Kpis, string? OutcomeSummaryEn, string? OutcomeSummaryZh);

public sealed record Milestone(
    Guid Id,
    int Number,
    string DeliverableEn,
    string DeliverableZh,
    DateTimeOffset DueAt,
    decimal AmountHkd,
    MilestoneStatus Status = MilestoneStatus.Planned,
    MilestoneReport? Report = null,
    DateTimeOffset? ReportedAt = null,
    string? OfficerComment = null,
    DateTimeOffset? AcceptedAt = null)
{
    /// <summary>Due and not accepted.</summary>
    public bool IsOverdueAt(DateTimeOffset now) => Status != MilestoneStatus.Accepted && DueAt < now;
}
