using Microsoft.AspNetCore.Authentication;

namespace Marketplace.ServiceDefaults.Auth;

/// <summary>
/// A request that sends a bearer token which fails validation (expired, revoked, tampered, another
/// issuer's) gets 401 invalid_token even on an endpoint open to anonymous callers (RFC 6750 §3.1):
/// silently treating it as anonymous would hide from the client that its session has ended.
/// </summary>
internal sealed class RejectInvalidBearerTokens(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (context.User.Identity?.IsAuthenticated != true
            && context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            var result = await context.AuthenticateAsync();
            if (!result.Succeeded)
            {
                await context.ChallengeAsync();
                return;
            }
        }
        await next(context);
    }
}
