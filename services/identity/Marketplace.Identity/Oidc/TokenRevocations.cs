using Marketplace.Contracts.Identity;
using Marketplace.Identity.Data;
using Marketplace.ServiceDefaults.Data;
using OpenIddict.Abstractions;

namespace Marketplace.Identity.Oidc;

/// <summary>Signs a member or an API client out everywhere (removed, demoted, suspended, password changed).</summary>
public sealed class TokenRevocations(IdentityServiceDbContext db, IOpenIddictTokenManager tokens, TokenServerOptions options, TimeProvider time)
{
    /// <summary>
    /// Refresh tokens and codes are revoked at once; outstanding access tokens are refused by every
    /// service once the event arrives. The event is queued on the context; the caller's SaveChanges stores it.
    /// </summary>
    public async Task RevokeEverythingOfAsync(string subject, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        await tokens.RevokeBySubjectAsync(subject, ct);
        db.AddEvent(new TokensRevoked(subject, null, now, now.Add(options.RetiredKeyPublication)), now);
    }
}
