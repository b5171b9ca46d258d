using Marketplace.Contracts.Identity;
using Marketplace.ServiceDefaults.Auditing;
using Marketplace.ServiceDefaults.Errors;
using Marketplace.ServiceDefaults.Localization;

namespace Marketplace.Identity.Domain;

/// <summary>
/// A department, vendor, chamber, funding body or training provider. Members act for it only while
/// it is Approved; each transition returns the event other services keep their read models from.
/// </summary>
public sealed class Organisation : IAudited
{
    public static readonly LocalizedText NotPending = new(
        "Only a pending registration can be approved or rejected; this organisation is {0}.",
        "只有待審批的登記可以批准或拒絕；此機構的狀態為 {0}。");
    public static readonly LocalizedText NotApproved = new(
        "Only an approved organisation can be suspended; this organisation is {0}.",
        "只有已批准的機構可以暫停；此機構的狀態為 {0}。");
    public static readonly LocalizedText NotSuspended = new(
        "Only a suspended organisation can be reinstated; this organisation is {0}.",
        "只有已暫停的機構可以恢復；此機構的狀態為 {0}。");
    public static readonly LocalizedText TypeIsFixed = new(
        "An organisation's type cannot change; register a new organisation instead.", "機構類型不可更改；請另行登記新機構。");

    private Organisation()
    {
    }

    public Guid Id { get; private set; }

    public OrganisationType Type { get; private set; }

    public string NameEn { get; private set; } = "";

    public string NameZh { get; private set; } = "";

    public string? BusinessRegistrationNumber { get; private set; }

    public SizeClass? SizeClass { get; private set; }

    public OrganisationStatus Status { get; private set; }

    public string? StatusReason { get; private set; }

    public DateTimeOffset RegisteredAt { get; private set; }

    public DateTimeOffset? ApprovedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>Optimistic concurrency: two administrators deciding at once cannot both win.</summary>
    public Guid Version { get; private set; }

    public string AuditId => Id.ToString();

    public bool IsActive => Status == OrganisationStatus.Approved;

    /// <summary>A new organisation; self-registered vendors wait for approval, the others are created approved by an administrator.</summary>
    public static (Organisation Organisation, OrganisationRegistered Event) Register(
        OrganisationDetails details, bool approved, DateTimeOffset now, Guid? id = null)
    {
        var organisation = new Organisation
        {
            Id = id ?? Guid.NewGuid(),
            Type = details.Type,
            Status = approved ? OrganisationStatus.Approved : OrganisationStatus.Pending,
            RegisteredAt = now,
            ApprovedAt = approved ? now : null,
            Version = Guid.NewGuid(),
        };
        organisation.Apply(details, now);
        return (organisation, new OrganisationRegistered(
            organisation.Id, organisation.Type, organisation.NameEn, organisation.NameZh,
            organisation.BusinessRegistrationNumber, organisation.SizeClass, organisation.Status, now));
    }

    public OrganisationApproved Approve(DateTimeOffset now)
    {
        Require(Status == OrganisationStatus.Pending, "organisation-not-pending", NotPending);
        Status = OrganisationStatus.Approved;
        StatusReason = null;
        ApprovedAt = now;
        Touch(now);
        return new OrganisationApproved(Id, Type, now);
    }

    public OrganisationChanged Reject(string reason, DateTimeOffset now)
    {
        Require(Status == OrganisationStatus.Pending, "organisation-not-pending", NotPending);
        Status = OrganisationStatus.Rejected;
        StatusReason = reason;
        Touch(now);
        return Changed(now);
    }

    public OrganisationChanged Suspend(string reason, DateTimeOffset now)
    {
        Require(Status == OrganisationStatus.Approved, "organisation-not-approved", NotApproved);
        Status = OrganisationStatus.Suspended;
        StatusReason = reason;
        Touch(now);
        return Changed(now);
    }

    public OrganisationChanged Reinstate(DateTimeOffset now)
    {
        Require(Status == OrganisationStatus.Suspended, "organisation-not-suspended", NotSuspended);
        Status = OrganisationStatus.Approved;
        StatusReason = null;
        Touch(now);
        return Changed(now);
    }

    public OrganisationChanged Change(OrganisationDetails details, DateTimeOffset now)
    {
        if (details.Type != Type)
        {
            throw new DomainRuleException("organisation-type-fixed", TypeIsFixed);
        }
        Apply(details, now);
        return Changed(now);
    }

    private OrganisationChanged Changed(DateTimeOffset now) =>
        new(Id, Type, NameEn, NameZh, SizeClass, Status, now);

    private void Apply(OrganisationDetails details, DateTimeOffset now)
    {
        NameEn = details.NameEn.Trim();
        NameZh = details.NameZh.Trim();
        BusinessRegistrationNumber = details.BusinessRegistrationNumber;
        SizeClass = details.SizeClass;
        Touch(now);
    }

    private void Touch(DateTimeOffset now)
    {
        UpdatedAt = now;
        Version = Guid.NewGuid();
    }

    private void Require(bool condition, string code, LocalizedText text)
    {
        if (!condition)
        {
            throw new DomainRuleException(code, text.Format(Status));
        }
    }
}
