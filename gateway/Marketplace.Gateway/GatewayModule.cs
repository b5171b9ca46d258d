using System.Globalization;
using System.Threading.RateLimiting;
using Marketplace.ServiceDefaults.Auth;
using Marketplace.ServiceDefaults.Health;
using Marketplace.ServiceDefaults.OpenApi;

namespace Marketplace.Gateway;

/// <summary>The single public entry: routing, streaming, timeouts, retries of reads, rate limits, CORS, health.</summary>
public static class GatewayModule
{
    public static WebApplicationBuilder AddGateway(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(GatewayOptions.Section).Get<GatewayOptions>() ?? new GatewayOptions();
        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton<ServiceProxy>();
        builder.Services.AddHttpClient(ServiceProxy.ClientName, c => c.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler
            {
                // A stopped service refuses at once; an unroutable one must not hang the caller either.
                ConnectTimeout = TimeSpan.FromSeconds(5),
                AllowAutoRedirect = false,
                UseCookies = false,
                AutomaticDecompression = System.Net.DecompressionMethods.None,
                PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            });

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
                PartitionedRateLimiter.Create<HttpContext, string>(http => RateLimitPartition.GetFixedWindowLimiter(
                    "ip:" + http.Connection.RemoteIpAddress, _ => Window(options.PermitsPerIpPerMinute))),
                PartitionedRateLimiter.Create<HttpContext, string>(http => ClientOf(http) is { } client
                    ? RateLimitPartition.GetFixedWindowLimiter("client:" + client, _ => Window(options.PermitsPerClientPerMinute))
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
        // Services authorise each call themselves; the gateway forwards the caller's token untouched.
        app.Map("/api/{service}/{**rest}", (HttpContext context, string service, ServiceProxy proxy) => proxy.ForwardAsync(context, service))
            .AllowAnonymous().ExcludeFromDescription();
        app.MapGet("/openapi/{service}.json", (HttpContext context, string service, ServiceProxy proxy) => proxy.ForwardAsync(context, service))
            .AllowAnonymous().ExcludeFromDescription();
        return app;
    }

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
