using Marketplace.Contracts.Catalogue;
using Marketplace.ServiceDefaults.Auditing;
using Marketplace.ServiceDefaults.Errors;
using Marketplace.ServiceDefaults.Localization;

namespace Marketplace.Catalogue.Domain;

public enum SuccessCaseStatus
{
    /// <summary>Being prepared; visible to the department and the vendor only.</summary>
    Draft,

    /// <summary>Approved by both and public.</summary>
    Published,
}

/// <summary>An outcome measure of a completed project: the target and what was achieved.</summary>
public sealed record KpiOutcome(string NameEn, string NameZh, string Target, string Achieved);

/// <summary>The bilingual content of a success case.</summary>
public sealed record SuccessCaseContent(
    string TitleEn, string TitleZh, string SummaryEn, string SummaryZh, string OutcomesEn, string OutcomesZh,
    SmartCityArea Area, string Sector, IReadOnlyList<string> Capabilities, IReadOnlyList<KpiOutcome> Kpis);

/// <summary>
/// What a completed project achieved, for others to replicate. Drafted automatically when the project
/// completes (or by the department for earlier projects); published once the department and the
/// vendor have both approved the current text. Any edit withdraws both approvals.
/// </summary>
public sealed class SuccessCase : IAudited
{
    public static readonly LocalizedText AlreadyPublished = new(
        "This success case is already published.", "此成功個案已經發布。");
    public static readonly LocalizedText NotPublished = new(
        "Interest can be registered only in a published success case.", "只可就已發布的成功個案登記興趣。");

    private SuccessCase()
    {
    }

    public Guid Id { get; private set; }

    public Guid? ScenarioId { get; private set; }

    public Guid? ProjectId { get; private set; }

    public Guid DepartmentId { get; private set; }

    public Guid VendorOrganisationId { get; private set; }

    public string TitleEn { get; private set; } = "";

    public string TitleZh { get; private set; } = "";

    public string SummaryEn { get; private set; } = "";

    public string SummaryZh { get; private set; } = "";

    public string OutcomesEn { get; private set; } = "";

    public string OutcomesZh { get; private set; } = "";

    public SmartCityArea Area { get; private set; }

    public string Sector { get; private set; } = "";

    public List<string> Capabilities { get; private set; } = [];

    public List<KpiOutcome> Kpis { get; private set; } = [];

    public SuccessCaseStatus Status { get; private set; }

    public DateTimeOffset? DepartmentApprovedAt { get; private set; }

    public DateTimeOffset? VendorApprovedAt { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public DateTimeOffset? PublishedAt { get; private set; }

    public int Version { get; private set; }

    public string AuditId => Id.ToString();

    public static SuccessCase Draft(Guid departmentId, Guid vendorOrganisationId, Guid? scenarioId, Guid? projectId, SuccessCaseContent content, DateTimeOffset now, Guid? id = null)
    {
        var successCase = new SuccessCase
        {
            Id = id ?? Guid.NewGuid(),
            DepartmentId = departmentId,
            VendorOrganisationId = vendorOrganisationId,
            ScenarioId = scenarioId,
            ProjectId = projectId,
            Status = SuccessCaseStatus.Draft,
            CreatedAt = now,
        };
        successCase.Apply(content, now);
        return successCase;
    }

    public void Edit(SuccessCaseContent content, DateTimeOffset now)
    {
        EnsureDraft();
        Apply(content, now);
        DepartmentApprovedAt = null;
        VendorApprovedAt = null;
    }

    /// <summary>The department or the vendor approves the current text; the second approval publishes it.</summary>
    public SuccessCasePublished? Approve(bool byDepartment, DateTimeOffset now)
    {
        EnsureDraft();
        if (byDepartment)
        {
            DepartmentApprovedAt = now;
        }
        else
        {
            VendorApprovedAt = now;
        }
        Version++;
        if (DepartmentApprovedAt is null || VendorApprovedAt is null)
        {
            return null;
        }
        Status = SuccessCaseStatus.Published;
        PublishedAt = now;
        return new SuccessCasePublished(Id, ScenarioId, DepartmentId, VendorOrganisationId, TitleEn, TitleZh, Area.ToString(), Sector, [.. Capabilities], now);
    }

    public SuccessCaseContent Content() => new(TitleEn, TitleZh, SummaryEn, SummaryZh, OutcomesEn, OutcomesZh, Area, Sector, Capabilities, Kpis);

    private void EnsureDraft()
    {
        if (Status != SuccessCaseStatus.Draft)
        {
            throw new DomainRuleException("success-case-published", AlreadyPublished);
        }
    }

    private void Apply(SuccessCaseContent c, DateTimeOffset now)
    {
        TitleEn = c.TitleEn.Trim();
        TitleZh = c.TitleZh.Trim();
        SummaryEn = c.SummaryEn.Trim();
        SummaryZh = c.SummaryZh.Trim();
        OutcomesEn = c.OutcomesEn.Trim();
        OutcomesZh = c.OutcomesZh.Trim();
        Area = c.Area;
        Sector = c.Sector;
        Capabilities = [.. c.Capabilities];
        Kpis = [.. c.Kpis];
        UpdatedAt = now;
        Version++;
    }
}

/// <summary>A chamber member's organisation wants to replicate a published success case: demand the department and vendor see.</summary>
public sealed class ReplicationInterest
{
    private ReplicationInterest()
    {
    }

    public Guid Id { get; private set; }

    public Guid SuccessCaseId { get; private set; }

    public Guid InterestedOrganisationId { get; private set; }

    public string UserId { get; private set; } = "";

    public string Sector { get; private set; } = "";

    public string Note { get; private set; } = "";

    public DateTimeOffset RegisteredAt { get; private set; }

    public static (ReplicationInterest Interest, ReplicationInterestRegistered Event) Register(
        SuccessCase successCase, Guid organisationId, string userId, string sector, string note, DateTimeOffset now, Guid? id = null)
    {
        if (successCase.Status != SuccessCaseStatus.Published)
        {
            throw new DomainRuleException("success-case-not-published", SuccessCase.NotPublished);
        }
        var interest = new ReplicationInterest
        {
            Id = id ?? Guid.NewGuid(),
            SuccessCaseId = successCase.Id,
            InterestedOrganisationId = organisationId,
            UserId = userId,
            Sector = sector,
            Note = note.Trim(),
            RegisteredAt = now,
        };
        return (interest, new ReplicationInterestRegistered(interest.Id, successCase.Id, successCase.DepartmentId, successCase.VendorOrganisationId,
            organisationId, sector, interest.Note, now));
    }
}
