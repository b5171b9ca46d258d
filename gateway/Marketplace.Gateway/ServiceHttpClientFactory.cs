using Yarp.ReverseProxy.Forwarder;

namespace Marketplace.Gateway;

/// <summary>YARP's pooled handler per cluster, with the connection limits the gateway needs inside a deployment.</summary>
public sealed class ServiceHttpClientFactory(ILogger<ForwarderHttpClientFactory> logger) : ForwarderHttpClientFactory(logger)
{
    protected override void ConfigureHandler(ForwarderHttpClientContext context, SocketsHttpHandler handler)
    {
        base.ConfigureHandler(context, handler);
        // A stopped service refuses at once; an unroutable one must not hang the caller for YARP's 15 s either.
        handler.ConnectTimeout = TimeSpan.FromSeconds(5);
        // Pooled connections are renewed now and then, so a service moved behind a DNS name is found again.
        handler.PooledConnectionLifetime = TimeSpan.FromMinutes(5);
    }
}
