using Microsoft.AspNetCore.Http.Timeouts;
using Yarp.ReverseProxy.Forwarder;

namespace Marketplace.Gateway;

/// <summary>
/// Outermost step of the proxy pipeline: when YARP could not get an answer from the service, the
/// caller gets bilingual problem details (502 unreachable, 504 too slow) instead of an empty status.
/// </summary>
public sealed partial class ProxyProblems(GatewayOptions options, ILogger<ProxyProblems> logger)
{
    public async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        await next(context);
        var error = context.GetForwarderErrorFeature();
        if (error is null || context.Response.HasStarted)
        {
            return;
        }

        var service = context.GetReverseProxyFeature().Cluster.Config.ClusterId;
        // The route's own limit (request-timeouts middleware) cancels the request as if the client had gone.
        if (context.Features.Get<IHttpRequestTimeoutFeature>()?.RequestTimeoutToken.IsCancellationRequested == true)
        {
            var seconds = (int)(context.GetEndpoint()?.Metadata.GetMetadata<RequestTimeoutAttribute>()?.Timeout?.TotalSeconds ?? 0);
            await TimeoutAsync(context, service, seconds);
            return;
        }

        switch (error.Error)
        {
            case ForwarderError.RequestTimedOut:
                await TimeoutAsync(context, service, options.TimeoutSeconds);
                break;
            case ForwarderError.Request or ForwarderError.RequestCreation or ForwarderError.NoAvailableDestinations:
                LogUnreachable(logger, error.Exception, service, error.Error);
                await ProblemAsync(context, StatusCodes.Status502BadGateway,
                    GatewayMessages.BadGatewayTitle.Current, GatewayMessages.BadGateway.Format(service).Current);
                break;
            default:
                // The client went away or a body broke off mid-way: nobody is left to read a problem.
                break;
        }
    }

    private Task TimeoutAsync(HttpContext context, string service, int seconds)
    {
        LogTimeout(logger, service, seconds);
        return ProblemAsync(context, StatusCodes.Status504GatewayTimeout,
            GatewayMessages.TimeoutTitle.Current, GatewayMessages.Timeout.Format(service, seconds).Current);
    }

    private static Task ProblemAsync(HttpContext context, int status, string title, string detail)
    {
        context.Response.StatusCode = status;
        return TypedResults.Problem(statusCode: status, title: title, detail: detail).ExecuteAsync(context);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Service {Service} unreachable ({Error})")]
    private static partial void LogUnreachable(ILogger logger, Exception? exception, string service, ForwarderError error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Service {Service} did not answer within {Seconds} s")]
    private static partial void LogTimeout(ILogger logger, string service, int seconds);
}
