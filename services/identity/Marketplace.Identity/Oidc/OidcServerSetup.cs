using System.Security.Cryptography;
using Marketplace.Identity.Data;
using Marketplace.ServiceDefaults.Auth;
using Marketplace.ServiceDefaults.Data;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Server;
using static OpenIddict.Abstractions.OpenIddictConstants;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace Marketplace.Identity.Oidc;

/// <summary>
/// OpenIddict as the marketplace's OpenID Connect server (docs/decisions/0009): its stores on the
/// identity database, the endpoints under /api/identity, the persisted signing keys, and the
/// marketplace's refinements (error details, form checks, revocation events).
/// </summary>
internal static class OidcServerSetup
{
    /// <summary>Where the endpoints live, relative to the public base (the issuer without it).</summary>
    internal const string Base = "api/identity/";

    public static IServiceCollection AddMarketplaceOidcServer(this IServiceCollection services, TokenServerOptions options)
    {
        // Codes, refresh tokens, the sign-in cookie and antiforgery tokens are protected with a key
        // ring every instance shares; access and identity tokens are JWTs signed with the signing keys.
        services.AddSharedKeyRing<IdentityServiceDbContext>("marketplace-identity");
        services.AddAntiforgery();
        services.AddAuthentication().AddCookie(Api.SignInPage.Scheme, cookie =>
        {
            cookie.Cookie.Name = "marketplace.sign-in";
            cookie.Cookie.Path = "/api/identity";
            cookie.Cookie.HttpOnly = true;
            cookie.Cookie.SameSite = Microsoft.AspNetCore.Http.SameSiteMode.Lax;
            cookie.ExpireTimeSpan = TimeSpan.FromHours(8);
            cookie.SlidingExpiration = false;
            cookie.LoginPath = Api.SignInPage.Path;
        });

        services.AddOpenIddict()
            .AddCore(core => core.UseEntityFrameworkCore().UseDbContext<IdentityServiceDbContext>())
            .AddServer(server =>
            {
                server.SetIssuer(new Uri(options.Issuer));
                server.SetConfigurationEndpointUris(Base + ".well-known/openid-configuration")
                    .SetJsonWebKeySetEndpointUris(Base + ".well-known/jwks")
                    .SetAuthorizationEndpointUris(Base + "connect/authorize")
                    .SetTokenEndpointUris(Base + "connect/token")
                    .SetEndSessionEndpointUris(Base + "connect/endsession")
                    .SetRevocationEndpointUris(Base + "connect/revocation")
                    .SetIntrospectionEndpointUris(Base + "connect/introspect");
                server.AllowAuthorizationCodeFlow().RequireProofKeyForCodeExchange()
                    .AllowRefreshTokenFlow()
                    .AllowClientCredentialsFlow()
                    // Kept for scripts and the demo only (README); people use the code flow.
                    .AllowPasswordFlow();
                // Scripts and the demo call without a client id, as they did before OpenIddict.
                server.AcceptAnonymousClients();
                server.RegisterScopes(Scopes.OpenId, Scopes.Profile, Scopes.Email, Scopes.OfflineAccess, MarketplacePrincipals.ApiScope);
                server.RegisterClaims(
                    MarketplaceClaims.Subject, MarketplaceClaims.Name, MarketplaceClaims.Email, MarketplaceClaims.Locale,
                    MarketplaceClaims.Organisation, MarketplaceClaims.OrganisationType, MarketplaceClaims.Role, MarketplaceClaims.ClientId);
                server.SetAccessTokenLifetime(options.AccessTokenLifetime)
                    .SetRefreshTokenLifetime(options.RefreshTokenLifetime)
                    // A refresh token is good once: presenting it again revokes its whole family at once.
                    .SetRefreshTokenReuseLeeway(TimeSpan.Zero);
                // Every service validates access tokens itself with the stock JwtBearer handler: signed, not encrypted.
                server.DisableAccessTokenEncryption();
                server.UseDataProtection().PreferDefaultAccessTokenFormat();
                // OpenIddict insists on an encryption key; with the formats above no token is encrypted with it.
                server.AddEncryptionKey(new SymmetricSecurityKey(RandomNumberGenerator.GetBytes(32)));
                server.UseAspNetCore()
                    .EnableAuthorizationEndpointPassthrough()
                    .EnableTokenEndpointPassthrough()
                    .EnableEndSessionEndpointPassthrough()
                    // TLS ends at the ingress in front of the gateway; the issuer (the public https origin) comes from configuration.
                    .DisableTransportSecurityRequirement();

                server.AddEventHandler(FormInputGuard<ExtractTokenRequestContext>.Descriptor)
                    .AddEventHandler(FormInputGuard<ExtractRevocationRequestContext>.Descriptor)
                    .AddEventHandler(FormInputGuard<ExtractIntrospectionRequestContext>.Descriptor)
                    .AddEventHandler(FormInputGuard<ExtractAuthorizationRequestContext>.Descriptor)
                    .AddEventHandler(FormInputGuard<ExtractEndSessionRequestContext>.Descriptor)
                    .AddEventHandler(OAuthErrorDetails<ApplyTokenResponseContext>.Descriptor)
                    .AddEventHandler(OAuthErrorDetails<ApplyRevocationResponseContext>.Descriptor)
                    .AddEventHandler(OAuthErrorDetails<ApplyIntrospectionResponseContext>.Descriptor)
                    .AddEventHandler(LocalErrorsAsProblemDetails<ApplyAuthorizationResponseContext>.Descriptor)
                    .AddEventHandler(LocalErrorsAsProblemDetails<ApplyEndSessionResponseContext>.Descriptor)
                    .AddEventHandler(UserAccessTokensWithoutClientId.Descriptor)
                    .AddEventHandler(RevocationEvents.Descriptor)
                    .AddEventHandler(PublicBaseInDiscovery.Descriptor)
                    .AddEventHandler(UserInfoInDiscovery.Descriptor)
                    .AddEventHandler(WholeSecondExpiry.Descriptor);
            });

        services.AddSingleton<SigningCredentialsFromStore>();
        services.AddSingleton<IConfigureOptions<OpenIddictServerOptions>>(sp => sp.GetRequiredService<SigningCredentialsFromStore>());
        services.AddSingleton<IOptionsChangeTokenSource<OpenIddictServerOptions>>(sp => sp.GetRequiredService<SigningCredentialsFromStore>());
        services.AddScoped<PeopleSignIn>();
        services.AddScoped<TokenRevocations>();
        return services;
    }
}
