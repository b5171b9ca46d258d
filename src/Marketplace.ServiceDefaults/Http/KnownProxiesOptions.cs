namespace Marketplace.ServiceDefaults.Http;

/// <summary>
/// Configuration section <c>ForwardedHeaders</c>: the proxies whose <c>X-Forwarded-For</c> and
/// <c>X-Forwarded-Proto</c> this host believes. None by default, so a caller that sends these headers
/// itself changes nothing; a host behind the gateway or a load balancer lists their addresses.
/// </summary>
public sealed class KnownProxiesOptions
{
    public const string Section = "ForwardedHeaders";

    /// <summary>Single addresses (<c>10.0.0.5</c>, <c>::1</c>).</summary>
    public string[] KnownProxies { get; set; } = [];

    /// <summary>Networks in CIDR notation (<c>10.0.0.0/8</c>).</summary>
    public string[] KnownNetworks { get; set; } = [];

    public bool Any => KnownProxies.Length > 0 || KnownNetworks.Length > 0;
}
