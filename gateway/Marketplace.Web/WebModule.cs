using Marketplace.ServiceDefaults.Data;
using Marketplace.Web.Api;
using Marketplace.Web.Auth;
using Marketplace.Web.Components;
using Marketplace.Web.Data;
using Marketplace.Web.Errors;
using Marketplace.Web.Security;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;

namespace Marketplace.Web;

/// <summary>
/// The web UI, mounted by a host after its service defaults: server-rendered Blazor pages at <c>/</c>, sign-in as a
/// backend for frontend, typed clients to the services' HTTP APIs (docs/decisions/0016).
/// </summary>
public static class WebModule
{
    public static WebApplicationBuilder AddWebUi(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(WebOptions.Section).Get<WebOptions>() ?? new WebOptions();
        var services = builder.Services;
        // Run from its build output in any environment (not only Development), a host finds the pages' assets and
        // their pre-compressed variants through the static web assets manifest; published output needs none.
        builder.WebHost.UseStaticWebAssets();
        services.AddSingleton(options);
        // Sessions and the key ring in the web UI's own database: every gateway replica serves every session.
        builder.AddOwnDatabase<WebSessionDbContext, SqliteWebSessionDbContext, PostgresWebSessionDbContext, SqlServerWebSessionDbContext>("web");
        services.AddSharedKeyRing<WebSessionDbContext>("marketplace-web");
        services.AddLocalization();
        // Chinese text as text in the page source, not as numeric character references (only what HTML needs is escaped).
        services.AddWebEncoders(o => o.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        services.AddRazorComponents();
        services.AddCascadingAuthenticationState();
        services.AddHttpContextAccessor();
        services.AddWebAuth(options);
        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "__mp_antiforgery";
            o.Cookie.SecurePolicy = options.SecureCookies ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
        });
        // Ahead of the default JSON writer (registered by the service defaults): browsers asking for a page get the friendly error pages.
        services.Insert(0, ServiceDescriptor.Singleton<IProblemDetailsWriter, HtmlErrorPages>());
        // First in the pipeline, so that every UI answer (also an early 404) carries the security headers.
        services.AddSingleton<IStartupFilter, SecurityHeadersFirst>();

        services.AddTransient<UserTokenHandler>();
        services.AddSingleton<TaxonomyCache>();
        services.AddHttpClient<CatalogueClient>(c => Configure(c, options.BaseAddressOf(CatalogueClient.Service))).AddHttpMessageHandler<UserTokenHandler>();
        services.AddHttpClient<IdentityClient>(c => Configure(c, options.BaseAddressOf(IdentityClient.Service))).AddHttpMessageHandler<UserTokenHandler>();
        services.AddHttpClient<MatchingClient>(c => Configure(c, options.BaseAddressOf(MatchingClient.Service))).AddHttpMessageHandler<UserTokenHandler>();
        services.AddHttpClient<FundingClient>(c => Configure(c, options.BaseAddressOf(FundingClient.Service))).AddHttpMessageHandler<UserTokenHandler>();
        services.AddHttpClient<TalentClient>(c => Configure(c, options.BaseAddressOf(TalentClient.Service))).AddHttpMessageHandler<UserTokenHandler>();
        services.AddHttpClient<OpenDataClient>(c => Configure(c, options.BaseAddressOf(OpenDataClient.Service))).AddHttpMessageHandler<UserTokenHandler>();
        return builder;
    }

    /// <summary>Call after the host's <c>UseServiceDefaults()</c> and its API endpoints.</summary>
    public static WebApplication MapWebUi(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<WebOptions>();
        // Only the UI's forms carry tokens: API calls (proxied by the gateway) do not pass through it.
        app.UseWhen(context => WebPaths.IsUi(context.Request.Path), ui => ui.UseAntiforgery());
        // A group, so that every endpoint the static assets add is declared public. Outside Production the framework
        // adds a catch-all for files missing from the build manifest; kept to the asset folders, it cannot turn an
        // unknown API path into "405 method not allowed" (an unknown path is 404 to every caller).
        var assets = app.MapGroup("").AllowAnonymous();
        assets.MapStaticAssets();
        ((IEndpointConventionBuilder)assets).Add(endpoint =>
        {
            if (endpoint is RouteEndpointBuilder fallback && fallback.RoutePattern.RawText?.TrimStart('/') == "{**path:file}")
            {
                fallback.RoutePattern = Microsoft.AspNetCore.Routing.Patterns.RoutePatternFactory.Parse("/_content/{**path:file}");
            }
        });
        app.MapSessionEndpoints(options);
        app.MapTalentDownloads();
        app.MapRazorComponents<App>().RequireAuthorization(WebSchemes.BrowserPolicy);
        return app;
    }

    private static void Configure(HttpClient client, Uri baseAddress)
    {
        client.BaseAddress = baseAddress;
        client.Timeout = TimeSpan.FromSeconds(30);
    }
}
