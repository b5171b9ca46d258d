using Marketplace.ServiceDefaults.Observability;
using Microsoft.Net.Http.Headers;
using Yarp.ReverseProxy.Transforms;
using Yarp.ReverseProxy.Transforms.Builder;

namespace Marketplace.Gateway;

/// <summary>
/// Code transforms on every route, beside the configured forwarding headers: the correlation id the
/// gateway settled on goes to the service, and headers both hops set reach the client once.
/// Static lambdas over fixed header names, so no per-request allocations beyond the header values.
/// </summary>
public static class GatewayTransforms
{
    // The gateway's own middleware set these before forwarding; YARP appends the service's copy.
    private static readonly string[] s_setByBothHops = [CorrelationId.Header, HeaderNames.ContentLanguage];

    public static void Apply(TransformBuilderContext context)
    {
        context.AddRequestTransform(static transform =>
        {
            // Replaces the caller's header: the gateway's middleware sanitised it (or made a new id).
            transform.ProxyRequest.Headers.Remove(CorrelationId.Header);
            transform.ProxyRequest.Headers.TryAddWithoutValidation(CorrelationId.Header, CorrelationId.Current);
            return ValueTask.CompletedTask;
        });
        context.AddResponseTransform(static transform =>
        {
            var headers = transform.HttpContext.Response.Headers;
            foreach (var name in s_setByBothHops)
            {
                var values = headers[name];
                if (values.Count > 1)
                {
                    // The service's value (appended last) is the one that describes the body.
                    headers[name] = values[values.Count - 1];
                }
            }
            return ValueTask.CompletedTask;
        });
    }
}
