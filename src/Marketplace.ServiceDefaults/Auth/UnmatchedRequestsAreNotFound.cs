namespace Marketplace.ServiceDefaults.Auth;

/// <summary>
/// A request that matches no endpoint (an unknown path, or an id that fails its route constraint)
/// answers 404 to everyone, before authentication. Left to the authorization middleware, the fallback
/// policy (docs/decisions/0004) would answer an anonymous caller 401, as if signing in would help.
/// An existing endpoint that needs a signed-in user still answers 401 to an anonymous caller.
/// </summary>
internal sealed class UnmatchedRequestsAreNotFound(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context)
    {
        if (context.GetEndpoint() is null)
        {
            // The status-code pages middleware turns the bare status into problem details.
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return Task.CompletedTask;
        }
        return next(context);
    }
}
