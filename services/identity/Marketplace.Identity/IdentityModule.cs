using Marketplace.Identity.Api;
using Marketplace.Identity.Data;
using Marketplace.Identity.Domain;
using Marketplace.Identity.Oidc;
using Marketplace.Identity.Tokens;
using Marketplace.ServiceDefaults.Data;
using Marketplace.ServiceDefaults.Messaging;
using Marketplace.ServiceDefaults.OpenApi;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace Marketplace.Identity;

/// <summary>
/// The identity service: people (ASP.NET Core Identity), organisations and memberships, and the
/// OpenID Connect server (OpenIddict) every other service trusts through its discovery document.
/// </summary>
public static class IdentityModule
{
    public const string Name = "identity";
    public const int PasswordLength = 10;

    public static WebApplicationBuilder AddIdentityService(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(TokenServerOptions.Section).Get<TokenServerOptions>() ?? new TokenServerOptions();
        builder.Services.AddSingleton(options);
        builder.AddServiceDatabase<IdentityServiceDbContext, SqliteIdentityServiceDbContext, PostgresIdentityServiceDbContext, SqlServerIdentityServiceDbContext>(Name);
        builder.AddApiDocument(Name, "Identity API — organisations, members and the OpenID Connect token server");

        builder.Services.AddIdentityCore<MarketplaceUser>(identity =>
            {
                identity.User.RequireUniqueEmail = true;
                identity.Password.RequiredLength = PasswordLength;
                identity.Password.RequireDigit = true;
                identity.Password.RequireLowercase = true;
                identity.Password.RequireUppercase = true;
                identity.Password.RequireNonAlphanumeric = false;
                identity.Lockout.AllowedForNewUsers = true;
                identity.Lockout.MaxFailedAccessAttempts = options.LockoutAttempts;
                identity.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(options.LockoutMinutes);
            })
            .AddRoles<IdentityRole<Guid>>()
            .AddEntityFrameworkStores<IdentityServiceDbContext>();

        builder.Services.AddSingleton<SigningKeyStore>();
        builder.Services.AddSingleton<IConfigurationManager<OpenIdConnectConfiguration>, InProcessAuthority>();
        builder.Services.AddMarketplaceOidcServer(options);
        builder.Services.AddScoped<Memberships>();
        builder.Services.AddHostedService<IdentityStartupService>();
        return builder;
    }

    public static IEndpointRouteBuilder MapIdentityService(this IEndpointRouteBuilder app)
    {
        app.MapTokenApi();
        app.MapAuthorizationApi();
        app.MapSignInPage();
        app.MapRegistrationsApi();
        app.MapOrganisationsApi();
        app.MapMembersApi();
        app.MapInvitationsApi();
        app.MapClientsApi();
        app.MapAccountApi();
        app.MapAdministrationApi();
        app.MapOutboxAdminApi<IdentityServiceDbContext>(Name);
        return app;
    }
}
