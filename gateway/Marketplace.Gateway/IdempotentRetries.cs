using Yarp.ReverseProxy.Forwarder;

namespace Marketplace.Gateway;

/// <summary>
/// Proxy pipeline step that sends a GET or HEAD again when the connection to the service could not be
/// made: nothing reached the service, and a read has no body that could have been consumed. Other
/// methods, timeouts and failures after the request was sent are never retried.
/// </summary>
public sealed partial class IdempotentRetries(GatewayOptions options, ILogger<IdempotentRetries> logger)
{
    public async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        await next(context);
        if (!HttpMethods.IsGet(context.Request.Method) && !HttpMethods.IsHead(context.Request.Method))
        {
            return;
        }
        for (var attempt = 1; attempt <= options.IdempotentRetries && ConnectionFailed(context); attempt++)
        {
            LogRetry(logger, context.GetReverseProxyFeature().Cluster.Config.ClusterId, attempt);
            await Task.Delay(TimeSpan.FromMilliseconds(100 * attempt), context.RequestAborted);
            // YARP refuses to forward once a status is set; the failed attempt left 502.
            context.Features.Set<IForwarderErrorFeature>(null);
            context.Response.StatusCode = StatusCodes.Status200OK;
            await next(context);
        }
    }

    private static bool ConnectionFailed(HttpContext context) =>
        !context.Response.HasStarted
        && context.GetForwarderErrorFeature() is { Error: ForwarderError.Request, Exception: HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError } };

    [LoggerMessage(Level = LogLevel.Warning, Message = "Service {Service} unreachable (attempt {Attempt}); retrying")]
    private static partial void LogRetry(ILogger logger, string service, int attempt);
}
