using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text.Json.Serialization;
using Marketplace.ServiceDefaults.Auth;
using Marketplace.ServiceDefaults.Data;
using Marketplace.ServiceDefaults.Errors;
using Marketplace.ServiceDefaults.Health;
using Marketplace.ServiceDefaults.Http;
using Marketplace.ServiceDefaults.Localization;
using Marketplace.ServiceDefaults.Messaging;
using Marketplace.ServiceDefaults.Observability;
using Marketplace.ServiceDefaults.OpenApi;
using Marketplace.ServiceDefaults.Validation;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace Marketplace.ServiceDefaults.Hosting;

public static class ServiceDefaultsExtensions
{
    private static readonly PathString ApiDocsPath = new("/api-docs");

    /// <summary>
    /// A host's builder whose content root (appsettings.json, a relative <c>Database:DataFolder</c>)
    /// is the application's own folder, whatever the working directory it was started from. A host
    /// loaded by another process (a test's WebApplicationFactory) keeps the content root it is given.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static WebApplicationBuilder CreateHostBuilder(string[] args) =>
        WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            ContentRootPath = Assembly.GetEntryAssembly() == Assembly.GetCallingAssembly() ? AppContext.BaseDirectory : null,
        });

    /// <summary>
    /// Everything a marketplace host needs before its modules: problem details, auth and role
    /// policies, localisation, health, telemetry, time, and the migrator. Call
    /// <c>AddMessaging()</c> after the modules, which register consumers.
    /// </summary>
    public static WebApplicationBuilder AddServiceDefaults(this WebApplicationBuilder builder, string serviceName)
    {
        var services = builder.Services;
        services.TryAddSingleton(TimeProvider.System);
        services.AddMarketplaceProblemDetails();
        services.AddMarketplaceAuth(builder.Configuration);
        services.AddHealthChecks();
        services.AddKnownProxies(builder.Configuration);
        services.AddMarketplaceTelemetry(builder.Configuration, serviceName);
        // Binding failures reach the problem-details exception handler, which names the bad field.
        services.Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        // Enums as their documented names only: a number ("0") is not a spelling of any value.
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new JsonStringEnumConverter(allowIntegerValues: false)));
        services.Configure<RequestLocalizationOptions>(o =>
        {
            o.SetDefaultCulture(Cultures.English).AddSupportedCultures(Cultures.Supported).AddSupportedUICultures(Cultures.Supported);
            o.ApplyCurrentCultureToResponseHeaders = true;
        });

        services.TryAddSingleton(builder.Configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions());
        DatabaseSetup.ServicesOf(services);
        services.TryAddSingleton<DatabaseMigrator>();
        // First hosted service: its StartingAsync runs before the bus and the dispatchers start.
        services.Insert(0, ServiceDescriptor.Singleton<IHostedService, MigrateOnStartService>());
        return builder;
    }

    /// <summary>The middleware pipeline and the endpoints every host exposes.</summary>
    public static WebApplication UseServiceDefaults(this WebApplication app)
    {
        app.UseKnownProxies();
        app.UseMiddleware<CorrelationIdMiddleware>();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseRequestLocalization();
        // The browsable API page is public static content, served before authorization (whose
        // fallback policy would otherwise demand a token for it). It answers only under its prefix, so
        // every other request (a proxied API call above all) skips its path matching and file lookup.
        var documents = app.Services.GetService<ApiDocuments>();
        app.UseWhen(context => context.Request.Path.StartsWithSegments(ApiDocsPath, StringComparison.OrdinalIgnoreCase), page => page.UseSwaggerUI(o =>
        {
            o.RoutePrefix = ApiDocsPath.Value![1..];
            o.DocumentTitle = "Marketplace API";
            foreach (var name in documents?.Names ?? [])
            {
                o.SwaggerEndpoint($"/openapi/{name}.json", name);
            }
        }));
        // Authentication first: the token server's own endpoints (discovery, JWKS, revocation, introspection)
        // are answered by its request handler there, not by routed endpoints.
        app.UseAuthentication();
        app.UseMiddleware<UnmatchedRequestsAreNotFound>();
        app.UseMiddleware<RejectInvalidBearerTokens>();
        app.UseAuthorization();
        // After authorization, so that only a caller allowed to send a body learns what is wrong with it.
        app.UseMiddleware<TextInputGuard>();

        app.MapHealthEndpoints();
        if (documents?.GeneratesDocuments == true)
        {
            app.MapOpenApi("/openapi/{documentName}.json").AllowAnonymous();
        }
        return app;
    }

    /// <summary>
    /// Runs the host, or performs one operator command and exits:
    /// <c>--migrate</c> applies every database migration (the explicit step a deployment runs before
    /// starting new service versions); <c>--replay-errors [queue]</c> moves failed messages from the
    /// host's <c>_error</c> queues back for another attempt.
    /// </summary>
    public static async Task<int> RunServiceAsync(this WebApplication app, string[] args)
    {
        if (args.Contains("--migrate", StringComparer.Ordinal))
        {
            await app.Services.GetRequiredService<DatabaseMigrator>().MigrateAllAsync(CancellationToken.None);
            return 0;
        }
        var replay = Array.IndexOf(args, "--replay-errors");
        if (replay >= 0)
        {
            var queue = replay + 1 < args.Length && !args[replay + 1].StartsWith('-') ? args[replay + 1] : null;
            await app.Services.GetRequiredService<ErrorQueueReplay>().ReplayAsync(queue, CancellationToken.None);
            return 0;
        }
        await app.RunAsync();
        return 0;
    }
}
