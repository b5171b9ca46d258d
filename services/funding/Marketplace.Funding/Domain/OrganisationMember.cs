using Marketplace.Contracts.Identity;

namespace Marketplace.Funding.Domain;

/// <summary>
/// Funding's read model of a person's membership (identity's MembershipChanged, newest wins): who
/// may be named an assessor of a funding body's applications.
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

    public bool Active { get; private set; }

    /// <summary>How the person is shown to the funding body's officers (when assigning assessors).</summary>
    public string DisplayName { get; private set; } = "";

    public DateTimeOffset AsOf { get; private set; }

    public Guid Version { get; private set; }

    public void Apply(MembershipChanged m)
    {
        if (m.ChangedAt < AsOf)
        {
            return;
        }
        (OrganisationId, Roles, Active, AsOf, Version) = (m.OrganisationId, [.. m.Roles], m.Active, m.ChangedAt, Guid.NewGuid());
        DisplayName = m.DisplayName ?? DisplayName;
    }

    /// <summary>An active funding officer or assessor of the funding body.</summary>
    public bool MayAssessFor(Guid fundingBodyId) =>
        Active && OrganisationId == fundingBodyId && (Roles.Contains(MemberRole.FundingOfficer) || Roles.Contains(MemberRole.Assessor));
}
