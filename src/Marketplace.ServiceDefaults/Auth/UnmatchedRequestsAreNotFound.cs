using Marketplace.ServiceDefaults.Localization;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.ServiceDefaults.Auth;

/// <summary>
/// A request that matches no endpoint (an unknown path, or an id that fails its route constraint)
/// answers 404 to everyone, before authorization. Left to the authorization middleware, the fallback
/// policy (docs/decisions/0004) would answer an anonymous caller 401, as if signing in would help.
/// An existing endpoint that needs a signed-in user still answers 401 to an anonymous caller.
/// </summary>
internal sealed class UnmatchedRequestsAreNotFound(RequestDelegate next)
{
    private static readonly LocalizedText NoSuchPath = new(
        "Nothing is found at this address; check the path and that every id in it is a GUID.",
        "此地址沒有任何資源；請檢查路徑，以及其中每個編號是否為 GUID。");

    public async Task InvokeAsync(HttpContext context)
    {
        if (context.GetEndpoint() is not null)
        {
            await next(context);
            return;
        }
        context.Response.StatusCode = StatusCodes.Status404NotFound;
        // Written here, inside request localisation (status-code pages would write after it, in English).
        var problems = context.RequestServices.GetRequiredService<IProblemDetailsService>();
        await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = { Status = StatusCodes.Status404NotFound, Detail = NoSuchPath.Current, Type = "https://tools.ietf.org/html/rfc9110#section-15.5.5" },
        });
    }
}
