using Microsoft.Extensions.Logging;

namespace Marketplace.ServiceDefaults.Observability;

internal sealed class CorrelationIdMiddleware(RequestDelegate next, ILogger<CorrelationIdMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var id = CorrelationId.Sanitize(context.Request.Headers[CorrelationId.Header].ToString());
        CorrelationId.Current = id;
        context.Response.Headers[CorrelationId.Header] = id;
        using (logger.BeginScope(new Dictionary<string, object> { [CorrelationId.LogProperty] = id }))
        {
            await next(context);
        }
    }
}
