using Marketplace.Contracts.Identity;
using Marketplace.ServiceDefaults.Auth;

namespace Marketplace.Identity.Domain;

/// <summary>Which marketplace roles a member of each kind of organisation may hold.</summary>
public static class OrganisationRoles
{
    public static IReadOnlyList<string> AllowedFor(OrganisationType? type) => type switch
    {
        OrganisationType.Department => [Roles.DepartmentOfficer],
        OrganisationType.Vendor => [Roles.Vendor],
        OrganisationType.Chamber => [Roles.ChamberMember],
        OrganisationType.FundingBody => [Roles.FundingOfficer, Roles.Assessor],
        OrganisationType.TrainingProvider => [Roles.Talent],
        // People without an organisation: platform administrators and individual talent.
        null => [Roles.Admin, Roles.Talent],
        _ => [],
    };

    /// <summary>The role a new member gets when none is named.</summary>
    public static string DefaultFor(OrganisationType type) => AllowedFor(type)[0];
}
