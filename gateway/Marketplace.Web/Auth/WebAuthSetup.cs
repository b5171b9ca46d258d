using Marketplace.ServiceDefaults.Auth;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace Marketplace.Web.Auth;

/// <summary>
/// The web UI as a backend for frontend: a session cookie for the browser, the code flow with PKCE against the
/// identity service, tokens kept in the server-side ticket (never sent to the browser), refreshed before expiry.
/// </summary>
internal static class WebAuthSetup
{
    public static readonly string[] Scopes = ["openid", "profile", "email", "offline_access", "marketplace"];

    public static IServiceCollection AddWebAuth(this IServiceCollection services, WebOptions options)
    {
        services.AddSingleton<ServerSideTickets>();
        services.AddSingleton<IPostConfigureOptions<CookieAuthenticationOptions>, UseServerSideTickets>();
        services.AddSingleton<TokenRefresh>();
        services.AddHttpClient(TokenRefresh.ClientName).ConfigurePrimaryHttpMessageHandler(() => Backchannel(options));

        services.AddAuthentication()
            .AddCookie(WebSchemes.Cookie, cookie =>
            {
                cookie.Cookie.Name = "__mp_session";
                cookie.Cookie.HttpOnly = true;
                cookie.Cookie.SameSite = SameSiteMode.Lax; // Lax: the identity service's redirect back is a top-level GET.
                cookie.Cookie.SecurePolicy = options.SecureCookies ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
                cookie.ExpireTimeSpan = TimeSpan.FromHours(8);
                cookie.SlidingExpiration = true;
                cookie.ForwardChallenge = WebSchemes.OpenIdConnect;
                // A signed-in person without the role sees the friendly 403 page (status-code pages), not a redirect.
                cookie.Events.OnRedirectToAccessDenied = context =>
                {
                    context.Response.StatusCode = StatusCodes.Status403Forbidden;
                    return Task.CompletedTask;
                };
                cookie.Events.OnValidatePrincipal = context => context.HttpContext.RequestServices.GetRequiredService<TokenRefresh>().ValidateAsync(context);
            })
            .AddOpenIdConnect(WebSchemes.OpenIdConnect, oidc =>
            {
                oidc.SignInScheme = WebSchemes.Cookie;
                oidc.SignOutScheme = WebSchemes.Cookie;
                oidc.Authority = options.Authority;
                oidc.RequireHttpsMetadata = options.Authority.StartsWith("https://", StringComparison.OrdinalIgnoreCase);
                if (!string.IsNullOrWhiteSpace(options.InternalAuthority))
                {
                    oidc.MetadataAddress = options.InternalAuthority.TrimEnd('/') + "/.well-known/openid-configuration";
                    oidc.BackchannelHttpHandler = Backchannel(options);
                }
                oidc.ClientId = "marketplace-web";
                oidc.ResponseType = OpenIdConnectResponseType.Code;
                oidc.ResponseMode = OpenIdConnectResponseMode.Query;
                oidc.UsePkce = true;
                oidc.SaveTokens = true;
                oidc.MapInboundClaims = false;
                oidc.GetClaimsFromUserInfoEndpoint = false;
                oidc.CallbackPath = "/signin-callback";
                oidc.SignedOutCallbackPath = "/signout-callback";
                oidc.SignedOutRedirectUri = "/";
                oidc.Scope.Clear();
                foreach (var scope in Scopes)
                {
                    oidc.Scope.Add(scope);
                }
                oidc.TokenValidationParameters.NameClaimType = MarketplaceClaims.Name;
                oidc.TokenValidationParameters.RoleClaimType = MarketplaceClaims.Role;
                // The code comes back by a top-level GET (response_mode=query), which Lax cookies accompany.
                oidc.CorrelationCookie.SecurePolicy = cookie(options);
                oidc.CorrelationCookie.SameSite = SameSiteMode.Lax;
                oidc.NonceCookie.SecurePolicy = cookie(options);
                oidc.NonceCookie.SameSite = SameSiteMode.Lax;
                // The sign-in page speaks the language the person chose here.
                oidc.Events.OnRedirectToIdentityProvider = context =>
                {
                    context.ProtocolMessage.UiLocales = System.Globalization.CultureInfo.CurrentUICulture.Name;
                    return Task.CompletedTask;
                };
            });

        services.AddAuthorizationBuilder()
            .AddPolicy(WebSchemes.BrowserPolicy, policy => policy.AddAuthenticationSchemes(WebSchemes.Cookie).RequireAssertion(_ => true))
            .AddPolicy(WebSchemes.SignedInPolicy, policy => policy.AddAuthenticationSchemes(WebSchemes.Cookie).RequireAuthenticatedUser())
            .AddPolicy(WebSchemes.OfficerPolicy, policy => policy.AddAuthenticationSchemes(WebSchemes.Cookie).RequireRole(Roles.DepartmentOfficer));
        return services;

        static CookieSecurePolicy cookie(WebOptions options) => options.SecureCookies ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
    }

    /// <summary>This process's own requests to the identity service: to its internal address when one is configured.</summary>
    private static HttpMessageHandler Backchannel(WebOptions options) =>
        string.IsNullOrWhiteSpace(options.InternalAuthority)
            ? new SocketsHttpHandler()
            : new InternalAddressHandler(new Uri(options.Authority), new Uri(options.InternalAuthority));
}
