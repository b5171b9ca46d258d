namespace Marketplace.Web.Security;

/// <summary>
/// Headers on every answer of the web UI: a Content-Security-Policy that allows scripts and styles only from
/// this origin (no inline script, no eval, no CDN), no MIME sniffing, no referrer beyond the origin, no framing.
/// API answers keep their own headers (the browsable API page needs inline scripts of its own).
/// </summary>
internal sealed class SecurityHeaders(RequestDelegate next)
{
    public const string Policy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; " +
        "form-action 'self'; frame-ancestors 'none'; base-uri 'self'; object-src 'none'";

    public Task InvokeAsync(HttpContext context)
    {
        if (WebPaths.IsUi(context.Request.Path))
        {
            context.Response.OnStarting(static state =>
            {
                var headers = ((HttpContext)state).Response.Headers;
                headers.ContentSecurityPolicy = Policy;
                headers.XContentTypeOptions = "nosniff";
                headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
                headers.XFrameOptions = "DENY";
                headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()";
                return Task.CompletedTask;
            }, context);
        }
        return next(context);
    }
}

/// <summary>Puts <see cref="SecurityHeaders"/> before everything the host adds.</summary>
internal sealed class SecurityHeadersFirst : Microsoft.AspNetCore.Hosting.IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.UseMiddleware<SecurityHeaders>();
        next(app);
    };
}
