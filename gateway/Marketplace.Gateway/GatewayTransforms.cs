using Microsoft.Net.Http.Headers;
using Yarp.ReverseProxy.Transforms;
using Yarp.ReverseProxy.Transforms.Builder;

namespace Marketplace.Gateway;

/// <summary>
/// Code transforms on every route, beside the configured forwarding headers. The caller's
/// <c>X-Correlation-ID</c> passes to the service as sent (each service sanitises it), and YARP's
/// handler replaces the caller's <c>traceparent</c> with the gateway's own span, so the service
/// continues the gateway's trace (ADR 0010).
/// </summary>
public static class GatewayTransforms
{
    public static void Apply(TransformBuilderContext context) =>
        context.AddResponseTransform(static transform =>
        {
            // The gateway's request localisation set Content-Language before forwarding and YARP appends the
            // service's copy; the service's value (last) is the one that describes the body. (X-Correlation-ID
            // needs no such care: the gateway adds its own only when the response has none.)
            var headers = transform.HttpContext.Response.Headers;
            var values = headers[HeaderNames.ContentLanguage];
            if (values.Count > 1)
            {
                headers[HeaderNames.ContentLanguage] = values[values.Count - 1];
            }
            return ValueTask.CompletedTask;
        });
}
