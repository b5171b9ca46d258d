using System.Net;
using Yarp.ReverseProxy.Configuration;
using Yarp.ReverseProxy.Forwarder;

namespace Marketplace.Gateway;

/// <summary>
/// YARP's routes and clusters built from <c>Gateway:Services</c>: per service a cluster with one destination
/// (its base URL), a route <c>/api/&lt;service&gt;/**</c> and a route <c>/openapi/&lt;service&gt;.json</c>.
/// </summary>
public static class ServiceRoutes
{
    /// <summary>
    /// What earlier hops said about the caller is replaced by what this gateway knows, never passed on or
    /// appended to, so a caller cannot choose the address, scheme or host a service sees: X-Forwarded-For,
    /// -Proto, -Host and -Prefix are set (an empty one removed), Forwarded and X-Real-IP are dropped.
    /// </summary>
    private static readonly IReadOnlyList<IReadOnlyDictionary<string, string>> s_transforms =
    [
        new Dictionary<string, string> { ["X-Forwarded"] = "Set" },
        new Dictionary<string, string> { ["RequestHeaderRemove"] = "Forwarded" },
        new Dictionary<string, string> { ["RequestHeaderRemove"] = "X-Real-IP" },
    ];

    public static IReadOnlyList<RouteConfig> Routes(GatewayOptions options) =>
    [
        .. options.Services.Keys.SelectMany(service => new[]
        {
            Route(options, service, $"api-{service}", $"/api/{service}/{{**rest}}", methods: null),
            Route(options, service, $"openapi-{service}", $"/openapi/{service}.json", methods: ["GET", "HEAD"]),
        }),
    ];

    public static IReadOnlyList<ClusterConfig> Clusters(GatewayOptions options) =>
    [
        .. options.Services.Select(service => new ClusterConfig
        {
            ClusterId = service.Key,
            Destinations = new Dictionary<string, DestinationConfig> { [service.Key] = new() { Address = service.Value } },
            HttpRequest = new ForwarderRequestConfig
            {
                ActivityTimeout = TimeSpan.FromSeconds(options.TimeoutSeconds),
                // Services speak HTTP/1.1 on plain sockets inside the deployment.
                Version = HttpVersion.Version11,
                VersionPolicy = HttpVersionPolicy.RequestVersionOrLower,
            },
            HealthCheck = new HealthCheckConfig
            {
                // One destination per service: once it is known down, answer 502 at once instead of YARP's
                // default "panic" mode, which would dial it anyway.
                AvailableDestinationsPolicy = "HealthyAndUnknown",
                Active = new ActiveHealthCheckConfig
                {
                    Enabled = true,
                    Interval = TimeSpan.FromSeconds(options.HealthCheckIntervalSeconds),
                    Timeout = TimeSpan.FromSeconds(5),
                    Policy = "ConsecutiveFailures",
                    Path = "/health/ready",
                },
                // Connection failures of real calls take a service out before the next probe would.
                Passive = new PassiveHealthCheckConfig
                {
                    Enabled = true,
                    Policy = "TransportFailureRate",
                    ReactivationPeriod = TimeSpan.FromSeconds(options.HealthCheckIntervalSeconds),
                },
            },
        }),
    ];

    private static RouteConfig Route(GatewayOptions options, string service, string id, string path, string[]? methods) => new()
    {
        RouteId = id,
        ClusterId = service,
        // Services authorise each call themselves; the gateway forwards the caller's token untouched.
        AuthorizationPolicy = "anonymous",
        Timeout = options.RouteTimeoutSeconds.TryGetValue(service, out var seconds) ? TimeSpan.FromSeconds(seconds) : null,
        Match = new RouteMatch { Path = path, Methods = methods },
        // Bodies stream through unbounded (-1): each service enforces the limits of its own endpoints.
        MaxRequestBodySize = -1,
        Transforms = s_transforms,
    };
}
