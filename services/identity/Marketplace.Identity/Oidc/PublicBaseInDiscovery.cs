using OpenIddict.Server;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace Marketplace.Identity.Oidc;

/// <summary>
/// The discovery document names every endpoint under the configured issuer (the public origin),
/// never under the address a request arrived at: behind the gateway or an internal service
/// address that would advertise an origin callers cannot reach, and a client-set Host header
/// must not change what the document says.
/// </summary>
/// <remarks>Built by the container from the registered <see cref="TokenServerOptions"/> (OpenIddict registers the handler by type,
/// and the Development environment validates every registration on start).</remarks>
internal sealed class PublicBaseInDiscovery(TokenServerOptions options) : IOpenIddictServerHandler<HandleConfigurationRequestContext>
{
    private readonly Uri _base = BaseOf(new Uri(options.Issuer));

    public static OpenIddictServerHandlerDescriptor Descriptor { get; } = OpenIddictServerHandlerDescriptor.CreateBuilder<HandleConfigurationRequestContext>()
        .UseSingletonHandler<PublicBaseInDiscovery>()
        .SetOrder(OpenIddictServerHandlers.Discovery.AttachEndpoints.Descriptor.Order - 500)
        .SetType(OpenIddictServerHandlerType.Custom)
        .Build();

    public ValueTask HandleAsync(HandleConfigurationRequestContext context)
    {
        context.BaseUri = _base;
        return default;
    }

    /// <summary>The issuer is the base plus the service's path (<c>…/api/identity</c>), under which the endpoint paths are relative.</summary>
    internal static Uri BaseOf(Uri issuer)
    {
        // "/api/identity" → "/", "/prefix/api/identity/" → "/prefix/".
        var path = issuer.AbsolutePath.TrimEnd('/') + "/";
        if (path.EndsWith("/" + OidcServerSetup.Base, StringComparison.Ordinal))
        {
            path = path[..^OidcServerSetup.Base.Length];
        }
        return new Uri(issuer, path);
    }
}
