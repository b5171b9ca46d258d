using System.Globalization;
using System.Net;
using System.Threading.RateLimiting;
using Marketplace.ServiceDefaults.Auth;
using Marketplace.ServiceDefaults.Health;
using Marketplace.ServiceDefaults.OpenApi;
using Microsoft.AspNetCore.Http.HttpResults;
using Yarp.ReverseProxy.Forwarder;

namespace Marketplace.Gateway;

/// <summary>
/// The single public entry: YARP forwards (streaming both bodies) along the routes built from
/// <c>Gateway:Services</c>; around it rate limits, CORS, per-route timeouts, retries of reads,
/// problem details for failures and aggregated readiness.
/// </summary>
public static class GatewayModule
{
    public static WebApplicationBuilder AddGateway(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(GatewayOptions.Section).Get<GatewayOptions>() ?? new GatewayOptions();
        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton<ProxyProblems>();
        builder.Services.AddSingleton<IdempotentRetries>();
        builder.Services.AddReverseProxy()
            .LoadFromMemory(ServiceRoutes.Routes(options), ServiceRoutes.Clusters(options))
            .AddTransforms(GatewayTransforms.Apply);
        builder.Services.AddSingleton<IForwarderHttpClientFactory, ServiceHttpClientFactory>();
        builder.Services.AddRequestTimeouts();

        builder.Services.AddHttpClient(ServiceHealthCheck.ClientName);
        var health = builder.Services.AddHealthChecks();
        foreach (var (service, baseUrl) in options.Services)
        {
            health.Add(new Microsoft.Extensions.Diagnostics.HealthChecks.HealthCheckRegistration(
                $"service-{service}", sp => new ServiceHealthCheck(sp.GetRequiredService<IHttpClientFactory>(), baseUrl), null, [HealthEndpoints.ReadyTag]));
            builder.AddApiDocumentLink(service);
        }

        builder.Services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.GlobalLimiter = PartitionedRateLimiter.CreateChained(
                // Keyed by the address itself: no string is built per request.
                PartitionedRateLimiter.Create<HttpContext, IPAddress>(http => RateLimitPartition.GetFixedWindowLimiter(
                    http.Connection.RemoteIpAddress ?? IPAddress.None, _ => Window(options.PermitsPerIpPerMinute))),
                PartitionedRateLimiter.Create<HttpContext, string>(http => ClientOf(http) is { } client
                    ? RateLimitPartition.GetFixedWindowLimiter(client, _ => Window(options.PermitsPerClientPerMinute))
                    : RateLimitPartition.GetNoLimiter("anonymous")));
            limiter.OnRejected = async (context, cancellationToken) =>
            {
                var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? (int)Math.Ceiling(wait.TotalSeconds) : 60;
                context.HttpContext.Response.Headers.RetryAfter = retryAfter.ToString(CultureInfo.InvariantCulture);
                await TypedResults.Problem(statusCode: StatusCodes.Status429TooManyRequests,
                    title: GatewayMessages.TooManyTitle.Current, detail: GatewayMessages.TooMany.Format(retryAfter).Current)
                    .ExecuteAsync(context.HttpContext);
            };
        });

        builder.Services.AddCors(cors => cors.AddDefaultPolicy(policy =>
        {
            // Closed unless origins are configured: no origin gets CORS headers by default.
            if (options.CorsOrigins.Length > 0)
            {
                policy.WithOrigins(options.CorsOrigins).AllowAnyHeader().AllowAnyMethod().WithExposedHeaders("X-Correlation-ID", "Location");
            }
        }));
        return builder;
    }

    public static WebApplication MapGateway(this WebApplication app)
    {
        app.UseCors();
        app.UseRateLimiter();
        app.UseRequestTimeouts();
        var problems = app.Services.GetRequiredService<ProxyProblems>();
        var retries = app.Services.GetRequiredService<IdempotentRetries>();
        app.MapReverseProxy(proxy =>
        {
            proxy.Use(problems.InvokeAsync);
            proxy.Use(retries.InvokeAsync);
            proxy.UseLoadBalancing();
            proxy.UsePassiveHealthChecks();
        });
        // YARP's literal service routes win over these; they only answer for names nobody configured.
        app.Map("/api/{service}/{**rest}", UnknownService).AllowAnonymous().ExcludeFromDescription();
        app.MapGet("/openapi/{service}.json", UnknownService).AllowAnonymous().ExcludeFromDescription();
        return app;
    }

    private static ProblemHttpResult UnknownService(string service) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, detail: GatewayMessages.UnknownService.Format(service).Current);

    private static FixedWindowRateLimiterOptions Window(int permits) => new()
    {
        PermitLimit = permits,
        Window = TimeSpan.FromMinutes(1),
        QueueLimit = 0,
    };

    /// <summary>A signed-in caller's client: the OAuth client id for machine clients, else the user.</summary>
    private static string? ClientOf(HttpContext http) =>
        http.User.Identity?.IsAuthenticated == true ? http.User.FindFirst("client_id")?.Value ?? http.User.UserId() : null;
}
