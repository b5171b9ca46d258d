using Microsoft.AspNetCore.Http.Features;

namespace Marketplace.Gateway;

/// <summary>
/// Forwards one request to its service and streams both bodies: the request body is passed on as it
/// arrives and the response is relayed as soon as its headers are in, so neither is held in memory.
/// </summary>
public sealed partial class ServiceProxy(IHttpClientFactory clients, GatewayOptions options, ILogger<ServiceProxy> logger)
{
    public const string ClientName = "services";

    // Connection-level headers describe one hop and must not be relayed (RFC 9110 §7.6.1).
    private static readonly HashSet<string> HopByHop = new(StringComparer.OrdinalIgnoreCase)
    {
        "Connection", "Keep-Alive", "Proxy-Authenticate", "Proxy-Authorization", "Proxy-Connection", "TE", "Trailer",
        "Transfer-Encoding", "Upgrade", "Host",
    };

    // What earlier hops said about the caller: replaced by what this gateway knows, never passed on
    // or appended to, so a caller cannot choose the address, scheme or host a service sees.
    private static readonly HashSet<string> Forwarding = new(StringComparer.OrdinalIgnoreCase)
    {
        "Forwarded", "X-Forwarded-For", "X-Forwarded-Proto", "X-Forwarded-Host", "X-Forwarded-Prefix", "X-Real-IP",
    };

    private static readonly string[] TraceHeaders = ["traceparent", "tracestate", "baggage"];

    public async Task ForwardAsync(HttpContext context, string service)
    {
        if (!options.Services.TryGetValue(service, out var baseUrl))
        {
            await Problem(context, StatusCodes.Status404NotFound, GatewayMessages.UnknownService.Format(service).Current, null);
            return;
        }

        var target = new Uri(baseUrl.TrimEnd('/') + context.Request.Path + context.Request.QueryString);
        var idempotent = HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method);
        var attempts = idempotent ? 1 + options.IdempotentRetries : 1;
        // Bodies are streamed, so they cannot be sent twice; only body-less reads are retried.
        context.Features.Get<IHttpMaxRequestBodySizeFeature>()?.MaxRequestBodySize = null;

        HttpResponseMessage? response = null;
        for (var attempt = 1; response is null; attempt++)
        {
            using var request = CreateRequest(context, target);
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted);
            timeout.CancelAfter(TimeSpan.FromSeconds(options.TimeoutSeconds));
            try
            {
                response = await clients.CreateClient(ClientName).SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            }
            catch (HttpRequestException ex) when (attempt < attempts)
            {
                LogRetry(logger, ex, service, attempt);
                await Task.Delay(TimeSpan.FromMilliseconds(100 * attempt), context.RequestAborted);
            }
            catch (HttpRequestException ex)
            {
                LogUnreachable(logger, ex, service);
                await Problem(context, StatusCodes.Status502BadGateway, GatewayMessages.BadGateway.Format(service).Current, GatewayMessages.BadGatewayTitle.Current);
                return;
            }
            catch (OperationCanceledException) when (!context.RequestAborted.IsCancellationRequested)
            {
                LogTimeout(logger, service, options.TimeoutSeconds);
                await Problem(context, StatusCodes.Status504GatewayTimeout, GatewayMessages.Timeout.Format(service, options.TimeoutSeconds).Current, GatewayMessages.TimeoutTitle.Current);
                return;
            }
        }

        using (response)
        {
            context.Response.StatusCode = (int)response.StatusCode;
            foreach (var header in response.Headers.Concat(response.Content.Headers))
            {
                if (!HopByHop.Contains(header.Key))
                {
                    context.Response.Headers[header.Key] = header.Value.ToArray();
                }
            }
            context.Response.Headers.Remove("Transfer-Encoding");
            await using var body = await response.Content.ReadAsStreamAsync(context.RequestAborted);
            await body.CopyToAsync(context.Response.Body, context.RequestAborted);
        }
    }

    private static HttpRequestMessage CreateRequest(HttpContext context, Uri target)
    {
        var incoming = context.Request;
        var request = new HttpRequestMessage(new HttpMethod(incoming.Method), target) { Version = new Version(1, 1) };
        var hasBody = incoming.ContentLength > 0 || incoming.Headers.TransferEncoding.Count > 0;
        if (hasBody)
        {
            request.Content = new StreamContent(incoming.Body);
        }
        foreach (var header in incoming.Headers)
        {
            if (HopByHop.Contains(header.Key) || Forwarding.Contains(header.Key))
            {
                continue;
            }
            if (!request.Headers.TryAddWithoutValidation(header.Key, header.Value.ToArray()) && request.Content is not null)
            {
                request.Content.Headers.TryAddWithoutValidation(header.Key, header.Value.ToArray());
            }
        }
        // The caller's trace headers were copied above; HttpClient writes the gateway's own span instead,
        // so the service's span is a child of the gateway's and the trace stays one tree.
        foreach (var header in TraceHeaders)
        {
            request.Headers.Remove(header);
        }
        // The connection's address, or the client's as a configured proxy in front of the gateway reported it.
        request.Headers.TryAddWithoutValidation("X-Forwarded-For", context.Connection.RemoteIpAddress?.ToString());
        request.Headers.TryAddWithoutValidation("X-Forwarded-Proto", incoming.Scheme);
        request.Headers.TryAddWithoutValidation("X-Forwarded-Host", incoming.Host.Value);
        return request;
    }

    private static Task Problem(HttpContext context, int status, string detail, string? title) =>
        TypedResults.Problem(statusCode: status, detail: detail, title: title).ExecuteAsync(context);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Service {Service} unreachable (attempt {Attempt}); retrying")]
    private static partial void LogRetry(ILogger logger, Exception exception, string service, int attempt);

    [LoggerMessage(Level = LogLevel.Error, Message = "Service {Service} unreachable")]
    private static partial void LogUnreachable(ILogger logger, Exception exception, string service);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Service {Service} did not answer within {Seconds} s")]
    private static partial void LogTimeout(ILogger logger, string service, int seconds);
}
