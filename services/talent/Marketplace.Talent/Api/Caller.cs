using System.Security.Claims;
using Marketplace.ServiceDefaults.Auth;

namespace Marketplace.Talent.Api;

/// <summary>Who is calling, as the talent service needs it.</summary>
internal static class Caller
{
    /// <summary>The caller's user id when it is one a profile can be keyed by (identity issues GUIDs).</summary>
    public static Guid? TalentId(this ClaimsPrincipal user) => Guid.TryParse(user.UserId(), out var id) ? id : null;

    /// <summary>
    /// A member of a training provider: identity gives their members the Talent role with the
    /// organisation in the token (individual talents have none).
    /// </summary>
    public static Guid? TrainingProviderId(this ClaimsPrincipal user) =>
        user.IsInRole(Roles.Talent) && user.FindFirstValue(MarketplaceClaims.OrganisationType) == "TrainingProvider" ? user.OrganisationId() : null;
}
