using OpenIddict.Abstractions;
using OpenIddict.Server;
using static OpenIddict.Abstractions.OpenIddictConstants;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace Marketplace.Identity.Oidc;

/// <summary>
/// OpenIddict writes the requesting application's <c>client_id</c> into every access token (RFC 9068).
/// In marketplace tokens <c>client_id</c> means "an organisation's own system is calling" (the services
/// and the gateway's rate limits tell systems from people by it), so a person's token, obtained through
/// the web UI or a script, keeps the claims it always had and leaves it out.
/// </summary>
internal sealed class UserAccessTokensWithoutClientId : IOpenIddictServerHandler<ProcessSignInContext>
{
    public static OpenIddictServerHandlerDescriptor Descriptor { get; } = OpenIddictServerHandlerDescriptor.CreateBuilder<ProcessSignInContext>()
        .UseSingletonHandler<UserAccessTokensWithoutClientId>()
        .SetOrder(OpenIddictServerHandlers.PrepareAccessTokenPrincipal.Descriptor.Order + 500)
        .SetType(OpenIddictServerHandlerType.Custom)
        .Build();

    public ValueTask HandleAsync(ProcessSignInContext context)
    {
        if (context.AccessTokenPrincipal is { } principal && !context.Request.IsClientCredentialsGrantType())
        {
            principal.RemoveClaims(Claims.ClientId);
        }
        return default;
    }
}
