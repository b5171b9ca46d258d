using System.Security.Claims;

namespace Marketplace.ServiceDefaults.Auth;

public static class ClaimsPrincipalExtensions
{
    /// <summary>The organisation the caller acts for, or null when the token carries none.</summary>
    public static Guid? OrganisationId(this ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirstValue(MarketplaceClaims.Organisation), out var id) ? id : null;

    public static string? UserId(this ClaimsPrincipal user) => user.FindFirstValue(MarketplaceClaims.Subject);

    /// <summary>True when the caller holds <paramref name="role"/> for exactly this organisation.</summary>
    public static bool ActsFor(this ClaimsPrincipal user, string role, Guid organisationId) =>
        user.IsInRole(role) && user.OrganisationId() == organisationId;
}
