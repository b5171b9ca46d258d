using System.Security.Claims;
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
/// The browser side of OpenID Connect, after OpenIddict has validated each request: the authorization
/// endpoint (code flow with PKCE; people sign in on <see cref="SignInPage"/>) and end-session
/// (sign-out); and userinfo, which OpenIddict's discovery document names.
/// </summary>
public static class AuthorizationApi
{
    public const string AuthorizePath = "/api/identity/connect/authorize";
    public const string EndSessionPath = "/api/identity/connect/endsession";
    public const string UserInfoPath = "/api/identity/connect/userinfo";
    private static readonly string[] s_getAndPost = [HttpMethods.Get, HttpMethods.Post];

    public static IEndpointRouteBuilder MapAuthorizationApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("").WithTags("OpenID Connect").WithGroupName(IdentityModule.Name).AllowAnonymous().DisableAntiforgery();
        group.MapMethods(AuthorizePath, s_getAndPost, AuthorizeAsync)
            .WithSummary("Authorization endpoint (response_type=code with PKCE): sends a person without a session to the sign-in page, then back to the client with a code");
        group.MapMethods(EndSessionPath, s_getAndPost, EndSessionAsync)
            .WithSummary("End-session endpoint: ends the sign-in session and this session's refresh tokens, then returns to the client's post_logout_redirect_uri");
        // A resource like any other API: any token the JwtBearer handler accepts (and has not been revoked).
        app.MapGet(UserInfoPath, UserInfoAsync).RequireAuthorization().WithTags("OpenID Connect").WithGroupName(IdentityModule.Name)
            .WithSummary("Claims of the signed-in user or client (any valid token)");
        return app;
    }

    public static async Task<IResult> AuthorizeAsync(HttpContext http, PeopleSignIn people, UserManager<MarketplaceUser> users, CancellationToken ct)
    {
        var request = http.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("The OpenIddict request is missing.");
        var session = await http.AuthenticateAsync(SignInPage.Scheme);
        var user = session.Principal?.FindFirstValue(MarketplaceClaims.Subject) is { } id ? await users.FindByIdAsync(id) : null;
        if (user is null)
        {
            if (request.HasPromptValue(PromptValues.None))
            {
                return Results.Forbid(Error(Errors.LoginRequired, "The user is not signed in."), [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
            }
            // Back here after signing in, with the same request (its PKCE challenge, state and nonce).
            var parameters = request.GetParameters().Select(p => KeyValuePair.Create(p.Key, (string?)p.Value.ToString()));
            return Results.Redirect(SignInPage.PathFor(AuthorizePath + QueryString.Create(parameters)));
        }
        var (principal, refusal) = await people.PrincipalForAsync(user, request.GetScopes(), ct);
        if (principal is null)
        {
            await http.SignOutAsync(SignInPage.Scheme);
            return Results.Forbid(Error(Errors.AccessDenied, refusal!.Description.Current), [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
        }
        // The marketplace's own UI: no consent screen (the application's consent type is implicit).
        return Results.SignIn(principal, properties: null, OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }

    public static async Task<IResult> EndSessionAsync(HttpContext http, IOpenIddictTokenManager tokens, CancellationToken ct)
    {
        // id_token_hint (validated by OpenIddict) names the session: its refresh tokens end with it.
        var hint = (await http.AuthenticateAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme)).Principal;
        if (hint?.GetAuthorizationId() is { Length: > 0 } authorization)
        {
            await tokens.RevokeByAuthorizationIdAsync(authorization, ct);
        }
        await http.SignOutAsync(SignInPage.Scheme);
        // To the client's registered post_logout_redirect_uri when it gave one, else to the sign-in page.
        return Results.SignOut(new AuthenticationProperties { RedirectUri = SignInPage.Path }, [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
    }

    public static async Task<IResult> UserInfoAsync(
        ClaimsPrincipal principal, UserManager<MarketplaceUser> users, IdentityServiceDbContext db, CancellationToken ct)
    {
        var info = new Dictionary<string, object?>
        {
            [MarketplaceClaims.Subject] = principal.GetClaim(MarketplaceClaims.Subject),
            [MarketplaceClaims.Name] = principal.GetClaim(MarketplaceClaims.Name),
            [MarketplaceClaims.Role] = principal.GetClaims(MarketplaceClaims.Role).ToArray(),
            [MarketplaceClaims.Organisation] = principal.GetClaim(MarketplaceClaims.Organisation),
            [MarketplaceClaims.OrganisationType] = principal.GetClaim(MarketplaceClaims.OrganisationType),
        };
        if (principal.GetClaim(MarketplaceClaims.ClientId) is { } clientId)
        {
            info[MarketplaceClaims.ClientId] = clientId;
            return Results.Ok(info);
        }
        if (!Guid.TryParse(principal.GetClaim(MarketplaceClaims.Subject), out var userId) || await users.FindByIdAsync(userId.ToString()) is not { } user)
        {
            return Results.Ok(info);
        }
        info[MarketplaceClaims.Name] = user.DisplayName;
        info[MarketplaceClaims.Email] = user.Email;
        info["email_verified"] = user.EmailConfirmed;
        info[MarketplaceClaims.Locale] = user.Locale;
        if (user.OrganisationId is { } orgId && await db.Organisations.AsNoTracking().FirstOrDefaultAsync(o => o.Id == orgId, ct) is { } org)
        {
            info["org_name"] = org.NameEn;
            info["org_name_zh"] = org.NameZh;
        }
        return Results.Ok(info);
    }

    private static AuthenticationProperties Error(string error, string description) => new(new Dictionary<string, string?>
    {
        [OpenIddictServerAspNetCoreConstants.Properties.Error] = error,
        [OpenIddictServerAspNetCoreConstants.Properties.ErrorDescription] = description,
    });
}
