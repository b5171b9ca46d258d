using OpenIddict.Server;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace Marketplace.Identity.Oidc;

/// <summary>
/// Names the userinfo endpoint in the discovery document. It is an ordinary API of the identity
/// service behind the JwtBearer handler (so it accepts what every service accepts, and refuses
/// revoked tokens), not an OpenIddict endpoint, which would accept only tokens it stored itself.
/// </summary>
internal sealed class UserInfoInDiscovery : IOpenIddictServerHandler<HandleConfigurationRequestContext>
{
    public static OpenIddictServerHandlerDescriptor Descriptor { get; } = OpenIddictServerHandlerDescriptor.CreateBuilder<HandleConfigurationRequestContext>()
        .UseSingletonHandler<UserInfoInDiscovery>()
        .SetOrder(OpenIddictServerHandlers.Discovery.AttachEndpoints.Descriptor.Order + 500)
        .SetType(OpenIddictServerHandlerType.Custom)
        .Build();

    public ValueTask HandleAsync(HandleConfigurationRequestContext context)
    {
        if (context.BaseUri is { } baseUri)
        {
            context.UserInfoEndpoint ??= new Uri(baseUri, Api.AuthorizationApi.UserInfoPath.TrimStart('/'));
        }
        return default;
    }
}
