using Marketplace.Contracts.Identity;
using Marketplace.Identity.Data;
using Marketplace.ServiceDefaults.Data;
using Microsoft.IdentityModel.JsonWebTokens;
using OpenIddict.Abstractions;
using OpenIddict.Server;
using static OpenIddict.Abstractions.OpenIddictConstants;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace Marketplace.Identity.Oidc;

/// <summary>
/// After OpenIddict has revoked a token at the revocation endpoint (RFC 7009): a refresh token takes
/// its whole rotation family (the authorization) with it; an access token, a JWT the other services
/// accept without asking, is announced to them as <see cref="TokensRevoked"/> so they refuse it too.
/// </summary>
internal sealed class RevocationEvents(IdentityServiceDbContext db, IOpenIddictTokenManager tokens, TimeProvider time)
    : IOpenIddictServerHandler<HandleRevocationRequestContext>
{
    public static OpenIddictServerHandlerDescriptor Descriptor { get; } = OpenIddictServerHandlerDescriptor.CreateBuilder<HandleRevocationRequestContext>()
        .UseScopedHandler<RevocationEvents>()
        .SetOrder(OpenIddictServerHandlers.Revocation.RevokeToken.Descriptor.Order + 500)
        .SetType(OpenIddictServerHandlerType.Custom)
        .Build();

    public async ValueTask HandleAsync(HandleRevocationRequestContext context)
    {
        if (context.IsRejected || context.GenericTokenPrincipal is not { } principal)
        {
            return;
        }
        if (principal.HasTokenType(TokenTypeIdentifiers.RefreshToken))
        {
            if (principal.GetAuthorizationId() is { Length: > 0 } authorization)
            {
                await tokens.RevokeByAuthorizationIdAsync(authorization, context.CancellationToken);
            }
            return;
        }
        if (principal.HasTokenType(TokenTypeIdentifiers.AccessToken) && context.Request.Token is { } raw
            && new JsonWebTokenHandler().CanReadToken(raw) && new JsonWebToken(raw) is { Id.Length: > 0 } jwt)
        {
            var now = time.GetUtcNow();
            var until = jwt.ValidTo == DateTime.MinValue ? now : new DateTimeOffset(jwt.ValidTo, TimeSpan.Zero);
            db.AddEvent(new TokensRevoked(jwt.Subject, jwt.Id, now, until.AddMinutes(5)), now);
            await db.SaveChangesAsync(context.CancellationToken);
        }
    }
}
