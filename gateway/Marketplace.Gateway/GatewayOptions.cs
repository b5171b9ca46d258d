namespace Marketplace.Gateway;

/// <summary>Configuration section <c>Gateway</c>.</summary>
public sealed class GatewayOptions
{
    public const string Section = "Gateway";

    /// <summary>Base URL per service name: <c>Gateway:Services:catalogue = http://catalogue:8080</c>.</summary>
    public Dictionary<string, string> Services { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>How long a service may take to start answering before the gateway gives up with 504.</summary>
    public int TimeoutSeconds { get; set; } = 30;

    /// <summary>Extra attempts for GET/HEAD requests whose connection failed (never for other methods).</summary>
    public int IdempotentRetries { get; set; } = 2;

    /// <summary>Requests per minute per signed-in client (token subject or client id).</summary>
    public int PermitsPerClientPerMinute { get; set; } = 600;

    /// <summary>Requests per minute per IP address, signed in or not.</summary>
    public int PermitsPerIpPerMinute { get; set; } = 1200;

    /// <summary>Origins allowed to call the API from a browser; none (CORS closed) unless configured.</summary>
    public string[] CorsOrigins { get; set; } = [];
}
