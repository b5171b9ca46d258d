using System.Diagnostics;
using Microsoft.Extensions.Logging;

namespace Marketplace.ServiceDefaults.Observability;

/// <summary>
/// Answers every request with its trace id in <c>X-Correlation-ID</c>, so a caller can quote it. An id
/// the caller sent in that header does not start a second scheme: it is tagged on the request's span and
/// kept in the log scope, so a search for the caller's id finds the trace.
/// </summary>
internal sealed class CorrelationIdMiddleware(RequestDelegate next, ILogger<CorrelationIdMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (CorrelationId.Current is { } traceId)
        {
            var response = context.Response;
            // Set last, and only when absent: a proxied service answers with the same trace id already.
            response.OnStarting(() =>
            {
                response.Headers.TryAdd(CorrelationId.Header, traceId);
                return Task.CompletedTask;
            });
        }

        if (CorrelationId.Sanitize(context.Request.Headers[CorrelationId.Header].ToString()) is not { } callerId)
        {
            await next(context);
            return;
        }
        Activity.Current?.SetTag(CorrelationId.CallerTag, callerId);
        using (logger.BeginScope(new Dictionary<string, object> { [CorrelationId.CallerLogProperty] = callerId }))
        {
            await next(context);
        }
    }
}
