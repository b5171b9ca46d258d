using System.Globalization;
using Marketplace.Identity.Data;
using Marketplace.Identity.Domain;
using Marketplace.Identity.Oidc;
using Marketplace.ServiceDefaults.Auth;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Marketplace.Identity.Api;

/// <summary>
/// The token endpoint's decisions, after OpenIddict has checked the request and the client: who the
/// password, client_credentials, authorization_code and refresh_token grants sign in, or why not.
/// </summary>
public static class TokenApi
{
    public const string Path = "/api/identity/connect/token";

    public static IEndpointRouteBuilder MapTokenApi(this IEndpointRouteBuilder app)
    {
        app.MapPost(Path, ExchangeAsync).AllowAnonymous().DisableAntiforgery().WithTags("OpenID Connect").WithGroupName(IdentityModule.Name)
            .WithSummary("Token endpoint: grant_type authorization_code (with PKCE), refresh_token, client_credentials, or password (scripts and the demo only); form-encoded");
        return app;
    }

    public static async Task<IResult> ExchangeAsync(
        HttpContext http, PeopleSignIn people, UserManager<MarketplaceUser> users, IdentityServiceDbContext db, AuthOptions auth, CancellationToken ct)
    {
        var request = http.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("The OpenIddict request is missing.");
        if (request.IsPasswordGrantType())
        {
            var (user, refusal) = await people.CheckPasswordAsync(request.Username ?? "", request.Password ?? "");
            if (user is null)
            {
                return Refuse(refusal!);
            }
            var scopes = request.GetScopes();
            return await SignInAsync(people, user, scopes.IsDefaultOrEmpty ? MarketplacePrincipals.UserScopes : scopes, ct);
        }
        if (request.IsClientCredentialsGrantType())
        {
            // OpenIddict has authenticated the client; its organisation must still be active.
            var client = await db.ApiClients.AsNoTracking().FirstOrDefaultAsync(c => c.ClientId == request.ClientId, ct);
            var organisation = client is null ? null : await db.Organisations.AsNoTracking().FirstOrDefaultAsync(o => o.Id == client.OrganisationId, ct);
            if (client is null || client.RevokedAt is not null || organisation is null)
            {
                return Refuse(new SignInRefusal(Errors.InvalidClient, IdentityTexts.WrongClient, "invalid-client"));
            }
            if (!organisation.IsActive)
            {
                return Refuse(new SignInRefusal(Errors.InvalidClient, IdentityTexts.OrganisationNotActive.Format(organisation.Status), "organisation-not-active"));
            }
            return SignIn(MarketplacePrincipals.ForClient(client, organisation, auth.Audience));
        }
        if (request.IsAuthorizationCodeGrantType() || request.IsRefreshTokenGrantType())
        {
            // The code or refresh token is valid (OpenIddict checked it, and rotation); the person may
            // have lost access since, and their roles may have changed: the new tokens say what is true now.
            var previous = (await http.AuthenticateAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme)).Principal;
            var user = previous?.GetClaim(Claims.Subject) is { } subject ? await users.FindByIdAsync(subject) : null;
            if (user is null)
            {
                return Refuse(new SignInRefusal(Errors.InvalidGrant, IdentityTexts.RefreshInvalid, "refresh-invalid"));
            }
            return await SignInAsync(people, user, previous!.GetScopes(), ct);
        }
        return Refuse(new SignInRefusal(Errors.UnsupportedGrantType, IdentityTexts.UnsupportedGrant, "unsupported-grant-type"));
    }

    private static async Task<IResult> SignInAsync(PeopleSignIn people, MarketplaceUser user, IEnumerable<string> scopes, CancellationToken ct)
    {
        var (principal, refusal) = await people.PrincipalForAsync(user, scopes, ct);
        return principal is null ? Refuse(refusal!) : SignIn(principal);
    }

    private static IResult SignIn(System.Security.Claims.ClaimsPrincipal principal) =>
        Results.SignIn(principal, properties: null, OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);

    /// <summary>An RFC 6749 error with the marketplace's <c>code</c> (and when a lock ends) beside it.</summary>
    public static IResult Refuse(SignInRefusal refusal)
    {
        var properties = new AuthenticationProperties(new Dictionary<string, string?>
        {
            [OpenIddictServerAspNetCoreConstants.Properties.Error] = refusal.Error,
            [OpenIddictServerAspNetCoreConstants.Properties.ErrorDescription] = refusal.Description.Current,
        });
        properties.Parameters["code"] = refusal.Code;
        if (refusal.LockedUntil is { } until)
        {
            properties.Parameters["lockedUntil"] = until.ToString("O", CultureInfo.InvariantCulture);
        }
        return Results.Forbid(properties, [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
    }
}
