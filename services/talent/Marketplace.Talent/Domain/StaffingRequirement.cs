using Marketplace.Contracts.Talent;
using Marketplace.ServiceDefaults.Auditing;

namespace Marketplace.Talent.Domain;

/// <summary>
/// One team role of an awarded proposal that someone must fill. The skill is the taxonomy's URI
/// when the proposal's text maps onto it; the text itself is always kept.
/// </summary>
public sealed class StaffingRequirement : IAudited
{
    private string? _auditAction;

    private StaffingRequirement()
    {
    }

    public StaffingRequirement(Guid id, Guid projectId, Guid vendorId, int position, string skillText, string? skillUri, Seniority seniority, Guid? talentId, DateTimeOffset now)
    {
        (Id, ProjectId, VendorId, Position, SkillText, SkillUri, Seniority, CreatedAt) = (id, projectId, vendorId, position, skillText, skillUri, seniority, now);
        if (talentId is { } talent)
        {
            (TalentId, Status, FilledAt) = (talent, RequirementStatus.Filled, now);
        }
    }

    public Guid Id { get; private set; }

    public Guid ProjectId { get; private set; }

    public Guid VendorId { get; private set; }

    /// <summary>The role's place in the proposal's team (0-based); with the project, what makes the requirement unique.</summary>
    public int Position { get; private set; }

    public string SkillText { get; private set; } = "";

    public string? SkillUri { get; private set; }

    public Seniority Seniority { get; private set; }

    public RequirementStatus Status { get; private set; }

    /// <summary>The talent holding the role; after their erasure an anonymous placeholder id.</summary>
    public Guid? TalentId { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? FilledAt { get; private set; }

    public DateTimeOffset? CancelledAt { get; private set; }

    public Guid Version { get; private set; }

    public string AuditId => Id.ToString();

    public string? TakeAuditAction() => Interlocked.Exchange(ref _auditAction, null);

    public StaffingRequirementFilled Fill(Guid talentId, DateTimeOffset now)
    {
        if (Status != RequirementStatus.Open)
        {
            throw new InvalidOperationException($"Requirement {Id} is {Status}, not open.");
        }
        (TalentId, Status, FilledAt, Version, _auditAction) = (talentId, RequirementStatus.Filled, now, Guid.NewGuid(), "Filled");
        return new StaffingRequirementFilled(Id, ProjectId, VendorId, talentId, SkillUri, Seniority, now);
    }

    public void Cancel(DateTimeOffset now)
    {
        if (Status == RequirementStatus.Cancelled)
        {
            return;
        }
        (Status, CancelledAt, Version, _auditAction) = (RequirementStatus.Cancelled, now, Guid.NewGuid(), "Cancelled");
    }

    /// <summary>The talent erased their profile: the history keeps the role as filled by someone no longer identifiable.</summary>
    public void Anonymise(Guid placeholder) => (TalentId, Version) = (placeholder, Guid.NewGuid());
}
