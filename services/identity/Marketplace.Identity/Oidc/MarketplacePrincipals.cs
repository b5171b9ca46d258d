using System.Security.Claims;
using Marketplace.Identity.Domain;
using Marketplace.ServiceDefaults.Auth;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Marketplace.Identity.Oidc;

/// <summary>
/// The principals OpenIddict turns into tokens: sub, name, email, locale, org, org_type and role(s),
/// with the marketplace audience. Every claim goes into the access token (what services read) and the
/// identity token (what the web UI reads).
/// </summary>
public static class MarketplacePrincipals
{
    /// <summary>The scopes a person's sign-in gets when the client asks for none.</summary>
    public static readonly string[] UserScopes = [Scopes.OpenId, Scopes.Profile, Scopes.Email, Scopes.OfflineAccess, ApiScope];

    public const string ApiScope = "marketplace";

    public static ClaimsPrincipal ForUser(MarketplaceUser user, IEnumerable<string> roles, Organisation? organisation, IEnumerable<string> scopes, string audience)
    {
        var identity = NewIdentity();
        identity.AddClaim(new Claim(MarketplaceClaims.Subject, user.Id.ToString()));
        identity.AddClaim(new Claim(MarketplaceClaims.Name, user.DisplayName));
        identity.AddClaim(new Claim(MarketplaceClaims.Email, user.Email ?? ""));
        identity.AddClaim(new Claim(MarketplaceClaims.Locale, user.Locale));
        AddOrganisation(identity, organisation);
        foreach (var role in roles)
        {
            identity.AddClaim(new Claim(MarketplaceClaims.Role, role));
        }
        return Finish(identity, scopes, audience);
    }

    /// <summary>An organisation's own system (client_credentials); OpenIddict adds its client_id.</summary>
    public static ClaimsPrincipal ForClient(ApiClient client, Organisation organisation, string audience)
    {
        var identity = NewIdentity();
        identity.AddClaim(new Claim(MarketplaceClaims.Subject, client.ClientId));
        identity.AddClaim(new Claim(MarketplaceClaims.Name, client.Name));
        AddOrganisation(identity, organisation);
        identity.AddClaim(new Claim(MarketplaceClaims.Role, client.Role));
        return Finish(identity, [ApiScope], audience);
    }

    private static ClaimsIdentity NewIdentity() => new("marketplace", MarketplaceClaims.Name, MarketplaceClaims.Role);

    private static void AddOrganisation(ClaimsIdentity identity, Organisation? organisation)
    {
        if (organisation is not null)
        {
            identity.AddClaim(new Claim(MarketplaceClaims.Organisation, organisation.Id.ToString()));
            identity.AddClaim(new Claim(MarketplaceClaims.OrganisationType, organisation.Type.ToString()));
        }
    }

    private static ClaimsPrincipal Finish(ClaimsIdentity identity, IEnumerable<string> scopes, string audience)
    {
        var principal = new ClaimsPrincipal(identity);
        principal.SetScopes(scopes);
        principal.SetResources(audience);
        principal.SetAudiences(audience);
        principal.SetDestinations(static _ => [Destinations.AccessToken, Destinations.IdentityToken]);
        return principal;
    }
}
