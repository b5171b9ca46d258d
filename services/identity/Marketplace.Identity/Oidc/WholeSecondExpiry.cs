using OpenIddict.Server;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace Marketplace.Identity.Oidc;

/// <summary>
/// OpenIddict computes <c>expires_in</c> as the time left until the token's expiry, truncated, so it
/// can say 899 for a 15-minute token; the marketplace states the configured lifetime, as it always has.
/// </summary>
internal sealed class WholeSecondExpiry(TokenServerOptions options) : IOpenIddictServerHandler<ApplyTokenResponseContext>
{
    public static OpenIddictServerHandlerDescriptor Descriptor { get; } = OpenIddictServerHandlerDescriptor.CreateBuilder<ApplyTokenResponseContext>()
        .UseSingletonHandler<WholeSecondExpiry>()
        .SetOrder(int.MinValue + 100_000)
        .SetType(OpenIddictServerHandlerType.Custom)
        .Build();

    public ValueTask HandleAsync(ApplyTokenResponseContext context)
    {
        if (context.Response is { AccessToken: not null, ExpiresIn: not null } response)
        {
            response.ExpiresIn = (long)options.AccessTokenLifetime.TotalSeconds;
        }
        return default;
    }
}
