using Marketplace.Contracts.Identity;

namespace Marketplace.Matching.Domain;

/// <summary>
/// Matching's read model of a person's membership (from the identity service's MembershipChanged,
/// newest wins): who may be named an evaluator of a department's scenario and who manages its
/// evaluations.
/// </summary>
public sealed class OrganisationMember
{
    private OrganisationMember()
    {
    }

    public OrganisationMember(Guid userId) => UserId = userId;

    public Guid UserId { get; private set; }

    public Guid? OrganisationId { get; private set; }

    public List<MemberRole> Roles { get; private set; } = [];

    /// <summary>Manages the organisation's members; in a department, also its evaluations.</summary>
    public bool Manager { get; private set; }

    public bool Active { get; private set; }

    public DateTimeOffset AsOf { get; private set; }

    /// <summary>Two changes of one person consumed at once: the later commit re-reads instead of overwriting.</summary>
    public Guid Version { get; private set; }

    public void Apply(MembershipChanged m)
    {
        if (m.ChangedAt < AsOf)
        {
            return;
        }
        (OrganisationId, Roles, Manager, Active, AsOf) = (m.OrganisationId, [.. m.Roles], m.Manager, m.Active, m.ChangedAt);
        Version = Guid.NewGuid();
    }

    public bool IsOfficerOf(Guid departmentId) => Active && OrganisationId == departmentId && Roles.Contains(MemberRole.DepartmentOfficer);

    public bool ManagesEvaluationsOf(Guid departmentId) => IsOfficerOf(departmentId) && Manager;
}
