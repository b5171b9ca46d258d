using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace Marketplace.ServiceDefaults.Auth;

internal static class AuthSetup
{
    public static IServiceCollection AddMarketplaceAuth(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(AuthOptions.Section).Get<AuthOptions>() ?? new AuthOptions();
        services.AddSingleton(options);
        // A token signed with a key this service has not seen yet (the authority rotated its key) makes
        // the handler fetch the JWKS again and validate that same token with it, instead of refusing it
        // and refreshing in the background: a key rotation costs no failed request.
        AppContext.SetSwitch("Switch.Microsoft.IdentityModel.UpdateConfigAsBlocking", true);

        services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer(jwt =>
        {
            // Keep the token's own claim names (sub, role, org) instead of the legacy WS-* URIs.
            jwt.MapInboundClaims = false;
            jwt.Audience = options.Audience;
            jwt.TokenValidationParameters = new TokenValidationParameters
            {
                ValidateIssuer = true,
                ValidateAudience = true,
                ValidateLifetime = true,
                ValidateIssuerSigningKey = true,
                RequireExpirationTime = true,
                RequireSignedTokens = true,
                ValidAudience = options.Audience,
                // Only RS256: an HS256 token "signed" with the public key (algorithm confusion) is refused.
                ValidAlgorithms = [SecurityAlgorithms.RsaSha256],
                NameClaimType = MarketplaceClaims.Name,
                RoleClaimType = MarketplaceClaims.Role,
                ClockSkew = TimeSpan.FromSeconds(30),
            };
            if (!string.IsNullOrWhiteSpace(options.Authority))
            {
                // Any OIDC provider: issuer and signing keys come from its discovery document; an
                // unknown kid (the authority rotated its key) makes the handler fetch the JWKS again.
                jwt.Authority = options.Authority;
                jwt.RequireHttpsMetadata = options.RequireHttpsMetadata;
                if (!string.IsNullOrWhiteSpace(options.MetadataAddress))
                {
                    jwt.MetadataAddress = options.MetadataAddress;
                    // The documents it links to (the JWKS) are read there too, not at the public origin.
                    jwt.BackchannelHttpHandler = new InternalAddressHandler(new Uri(options.Authority), new Uri(options.MetadataAddress));
                }
            }
            jwt.Events = new JwtBearerEvents { OnTokenValidated = RejectRevokedAsync };
        });

        if (string.IsNullOrWhiteSpace(options.Authority))
        {
            // The identity module supplies its discovery document in process; any other service must name an authority.
            services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme).Configure<IServiceProvider>((jwt, sp) =>
                jwt.ConfigurationManager = sp.GetService<IConfigurationManager<OpenIdConnectConfiguration>>()
                    ?? throw new InvalidOperationException("Configure Auth:Authority, the URL of the OIDC issuer whose tokens this service accepts."));
        }

        services.AddAuthorizationBuilder()
            // An endpoint that forgets to declare who may call it is closed, not open.
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddRolePolicies();
        return services;
    }

    private static async Task RejectRevokedAsync(TokenValidatedContext context)
    {
        var check = context.HttpContext.RequestServices.GetService<IRevocationCheck>();
        if (check is null || context.Principal is not { } principal)
        {
            return;
        }
        var issuedAt = long.TryParse(principal.FindFirst("iat")?.Value, out var seconds) ? DateTimeOffset.FromUnixTimeSeconds(seconds) : (DateTimeOffset?)null;
        if (await check.IsRevokedAsync(principal.FindFirst("jti")?.Value, principal.UserId(), issuedAt, context.HttpContext.RequestAborted))
        {
            context.Fail("The token has been revoked.");
        }
    }

    private static AuthorizationBuilder AddRolePolicies(this AuthorizationBuilder builder)
    {
        foreach (var role in Roles.All)
        {
            builder.AddPolicy(role, policy => policy.RequireAuthenticatedUser().RequireRole(role));
        }
        return builder;
    }
}
