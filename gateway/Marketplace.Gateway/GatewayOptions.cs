namespace Marketplace.Gateway;

/// <summary>Configuration section <c>Gateway</c>; <see cref="ServiceRoutes"/> turns it into YARP routes and clusters.</summary>
public sealed class GatewayOptions
{
    public const string Section = "Gateway";

    /// <summary>Base URL per service name: <c>Gateway:Services:catalogue = http://catalogue:8080</c>.</summary>
    public Dictionary<string, string> Services { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>How long a service may stay silent (no response yet, no body bytes) before the gateway answers 504.</summary>
    public int TimeoutSeconds { get; set; } = 30;

    /// <summary>
    /// Whole-request limits for the routes of one service (<c>Gateway:RouteTimeoutSeconds:matching = 10</c>), on top
    /// of <see cref="TimeoutSeconds"/>; a request still unanswered when its limit passes gets 504.
    /// </summary>
    public Dictionary<string, int> RouteTimeoutSeconds { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Extra attempts for GET/HEAD requests whose connection failed (never for other methods).</summary>
    public int IdempotentRetries { get; set; } = 2;

    /// <summary>How often the gateway probes each service's <c>/health/ready</c> (active health check).</summary>
    public int HealthCheckIntervalSeconds { get; set; } = 10;

    /// <summary>Requests per minute per signed-in client (token subject or client id).</summary>
    public int PermitsPerClientPerMinute { get; set; } = 600;

    /// <summary>Requests per minute per IP address, signed in or not.</summary>
    public int PermitsPerIpPerMinute { get; set; } = 1200;

    /// <summary>Origins allowed to call the API from a browser; none (CORS closed) unless configured.</summary>
    public string[] CorsOrigins { get; set; } = [];
}
