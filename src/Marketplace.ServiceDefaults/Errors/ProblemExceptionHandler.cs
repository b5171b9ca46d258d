using System.Globalization;
using Marketplace.ServiceDefaults.Localization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Marketplace.ServiceDefaults.Errors;

/// <summary>
/// Turns every exception that escapes a handler into RFC 9457 problem details. Only the messages
/// written here leave the process: never exception text or stack traces.
/// </summary>
public sealed partial class ProblemExceptionHandler(IProblemDetailsService problems, ILogger<ProblemExceptionHandler> logger)
    : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        // The localisation middleware runs inside this handler's, so its culture has not flowed back here.
        if (httpContext.Features.Get<IRequestCultureFeature>()?.RequestCulture is { } culture)
        {
            CultureInfo.CurrentCulture = culture.Culture;
            CultureInfo.CurrentUICulture = culture.UICulture;
        }
        var problem = exception switch
        {
            BadHttpRequestException bad => BindingFailures.Describe(bad),
            DomainRuleException rule => Conflict(rule.Code, rule.Text),
            DbUpdateConcurrencyException => Conflict("concurrent-change", Messages.ConcurrencyDetail),
            _ when DatabaseOutage.Caused(exception) => Unavailable(httpContext, exception),
            _ => null,
        };

        if (problem is null)
        {
            LogUnhandled(logger, exception, httpContext.Request.Method, httpContext.Request.Path);
            problem = new ProblemDetails
            {
                Status = StatusCodes.Status500InternalServerError,
                Title = Messages.UnexpectedTitle.Current,
                Detail = Messages.UnexpectedDetail.Current,
                Type = "https://tools.ietf.org/html/rfc9110#section-15.6.1",
            };
        }

        httpContext.Response.StatusCode = problem.Status ?? StatusCodes.Status500InternalServerError;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails = problem,
            Exception = exception,
        });
    }

    /// <summary>The database is down or unreachable: 503 with Retry-After, so callers and the gateway back off instead of seeing a fault.</summary>
    private ProblemDetails Unavailable(HttpContext httpContext, Exception exception)
    {
        LogDatabaseUnavailable(logger, exception, httpContext.Request.Method, httpContext.Request.Path);
        httpContext.Response.Headers.RetryAfter = "5";
        return new()
        {
            Status = StatusCodes.Status503ServiceUnavailable,
            Title = Messages.UnavailableTitle.Current,
            Detail = Messages.DatabaseUnavailableDetail.Current,
            Type = "https://tools.ietf.org/html/rfc9110#section-15.6.4",
            Extensions = { ["code"] = "database-unavailable" },
        };
    }

    private static ProblemDetails Conflict(string code, LocalizedText text) => new()
    {
        Status = StatusCodes.Status409Conflict,
        Title = Messages.ConflictTitle.Current,
        Detail = text.Current,
        Type = "https://tools.ietf.org/html/rfc9110#section-15.5.10",
        Extensions = { ["code"] = code },
    };

    [LoggerMessage(Level = LogLevel.Warning, Message = "Database unavailable for {Method} {Path}: answered 503")]
    private static partial void LogDatabaseUnavailable(ILogger logger, Exception exception, string method, string path);

    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled exception for {Method} {Path}")]
    private static partial void LogUnhandled(ILogger logger, Exception exception, string method, string path);
}
