using System.Net.Mime;
using Marketplace.Web.Components.Widgets;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;

namespace Marketplace.Web.Errors;

/// <summary>
/// A browser that asked for a page and got 403, 404 or 500 sees a friendly bilingual page in the site's layout
/// instead of problem details JSON; API callers (and every /api path) keep problem details.
/// </summary>
internal sealed class HtmlErrorPages(IServiceProvider services, ILoggerFactory loggers) : IProblemDetailsWriter
{
    public bool CanWrite(ProblemDetailsContext context)
    {
        var request = context.HttpContext.Request;
        return WebPaths.IsUi(request.Path)
            && (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) || HttpMethods.IsPost(request.Method))
            && request.Headers.Accept.Any(a => a?.Contains(MediaTypeNames.Text.Html, StringComparison.OrdinalIgnoreCase) == true);
    }

    public async ValueTask WriteAsync(ProblemDetailsContext context)
    {
        var http = context.HttpContext;
        var status = context.ProblemDetails.Status ?? http.Response.StatusCode;
        await using var renderer = new HtmlRenderer(services, loggers);
        var html = await renderer.Dispatcher.InvokeAsync(async () =>
        {
            var output = await renderer.RenderComponentAsync<ErrorPage>(ParameterView.FromDictionary(new Dictionary<string, object?>
            {
                [nameof(ErrorPage.Status)] = status,
                [nameof(ErrorPage.TraceId)] = context.ProblemDetails.Extensions.TryGetValue("traceId", out var trace) ? trace?.ToString() : null,
            }));
            return output.ToHtmlString();
        });
        http.Response.ContentType = "text/html; charset=utf-8";
        http.Response.Headers.CacheControl = "no-store";
        await http.Response.WriteAsync("<!DOCTYPE html>" + html, http.RequestAborted);
    }
}
