using Marketplace.ServiceDefaults.Auditing;

namespace Marketplace.Talent.Domain;

/// <summary>A vendor's invitation of a talent to an open requirement of one of its projects; the talent accepts or declines.</summary>
public sealed class StaffingInvitation : IAudited
{
    private string? _auditAction;

    private StaffingInvitation()
    {
    }

    public StaffingInvitation(Guid id, StaffingRequirement requirement, Guid talentId, DateTimeOffset now) =>
        (Id, RequirementId, ProjectId, VendorId, TalentId, InvitedAt) = (id, requirement.Id, requirement.ProjectId, requirement.VendorId, talentId, now);

    public Guid Id { get; private set; }

    public Guid RequirementId { get; private set; }

    public Guid ProjectId { get; private set; }

    public Guid VendorId { get; private set; }

    /// <summary>The invited talent; after their erasure an anonymous placeholder id.</summary>
    public Guid TalentId { get; private set; }

    public InvitationStatus Status { get; private set; }

    public DateTimeOffset InvitedAt { get; private set; }

    public DateTimeOffset? AnsweredAt { get; private set; }

    public Guid Version { get; private set; }

    public string AuditId => Id.ToString();

    public string? TakeAuditAction() => Interlocked.Exchange(ref _auditAction, null);

    public bool IsPending => Status == InvitationStatus.Pending;

    public void Answer(bool accept, DateTimeOffset now)
    {
        if (!IsPending)
        {
            throw new InvalidOperationException($"Invitation {Id} is {Status}, not pending.");
        }
        (Status, AnsweredAt, Version) = (accept ? InvitationStatus.Accepted : InvitationStatus.Declined, now, Guid.NewGuid());
        _auditAction = Status.ToString();
    }

    public void Lapse(DateTimeOffset now)
    {
        if (IsPending)
        {
            (Status, AnsweredAt, Version, _auditAction) = (InvitationStatus.Lapsed, now, Guid.NewGuid(), "Lapsed");
        }
    }

    public void Anonymise(Guid placeholder) => (TalentId, Version) = (placeholder, Guid.NewGuid());
}
