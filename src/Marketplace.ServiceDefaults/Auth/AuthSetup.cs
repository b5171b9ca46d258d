using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.Tokens;

namespace Marketplace.ServiceDefaults.Auth;

internal static class AuthSetup
{
    public static IServiceCollection AddMarketplaceAuth(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(AuthOptions.Section).Get<AuthOptions>() ?? new AuthOptions();
        services.AddSingleton(options);

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
                ValidAudience = options.Audience,
                NameClaimType = MarketplaceClaims.Name,
                RoleClaimType = MarketplaceClaims.Role,
                ClockSkew = TimeSpan.FromSeconds(30),
            };
            if (!string.IsNullOrWhiteSpace(options.Authority))
            {
                // Any OIDC provider: issuer and signing keys come from its discovery document.
                jwt.Authority = options.Authority;
                jwt.RequireHttpsMetadata = options.RequireHttpsMetadata;
            }
            else if (!string.IsNullOrWhiteSpace(options.SigningKey))
            {
                jwt.TokenValidationParameters.ValidIssuer = options.Issuer;
                jwt.TokenValidationParameters.IssuerSigningKey = DevelopmentTokens.Key(options.SigningKey);
            }
            else
            {
                throw new InvalidOperationException("Configure Auth:Authority (an OIDC issuer URL) or, for development, Auth:SigningKey.");
            }
        });

        services.AddAuthorizationBuilder()
            // An endpoint that forgets to declare who may call it is closed, not open.
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddRolePolicies();
        return services;
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
