using Marketplace.ServiceDefaults.Auditing;

namespace Marketplace.Talent.Domain;

public enum EnrolmentStatus
{
    Enrolled,
    Completed,
}

/// <summary>
/// A vendor's enrolment of an employee on a programme, with the subsidy fixed when it was made
/// (against the enterprise's use of the cap in that financial year) and how it was reached.
/// </summary>
public sealed class Enrolment : IAudited
{
    private string? _auditAction;

    private Enrolment()
    {
    }

    public Enrolment(Guid id, TrainingProgramme programme, Guid vendorId, Guid talentId, Subsidy subsidy, DateTimeOffset enrolledAt)
    {
        (Id, ProgrammeId, VendorId, TalentId, EnrolledAt) = (id, programme.Id, vendorId, talentId, enrolledAt);
        (SchemeCode, FinancialYear, FeeHkd, SubsidyHkd) = (programme.Subsidy.SchemeCode, subsidy.Year.StartYear, programme.FeeHkd, subsidy.AmountHkd);
        (ExplanationEn, ExplanationZh) = (subsidy.Explanation.En, subsidy.Explanation.Zh);
    }

    public Guid Id { get; private set; }

    public Guid ProgrammeId { get; private set; }

    public Guid VendorId { get; private set; }

    /// <summary>The employee; after their erasure an anonymous placeholder id (the subsidy still counts against the cap).</summary>
    public Guid TalentId { get; private set; }

    public string SchemeCode { get; private set; } = "";

    /// <summary>The calendar year the financial year starts in (2026 for 2026-27).</summary>
    public int FinancialYear { get; private set; }

    public decimal FeeHkd { get; private set; }

    public decimal SubsidyHkd { get; private set; }

    public string ExplanationEn { get; private set; } = "";

    public string ExplanationZh { get; private set; } = "";

    public EnrolmentStatus Status { get; private set; }

    public DateTimeOffset EnrolledAt { get; private set; }

    public DateTimeOffset? CompletedAt { get; private set; }

    public Guid Version { get; private set; }

    public string AuditId => Id.ToString();

    public string? TakeAuditAction() => Interlocked.Exchange(ref _auditAction, null);

    public bool Complete(DateTimeOffset now)
    {
        if (Status == EnrolmentStatus.Completed)
        {
            return false;
        }
        (Status, CompletedAt, Version, _auditAction) = (EnrolmentStatus.Completed, now, Guid.NewGuid(), "Completed");
        return true;
    }

    public void Anonymise(Guid placeholder) => (TalentId, Version) = (placeholder, Guid.NewGuid());
}
