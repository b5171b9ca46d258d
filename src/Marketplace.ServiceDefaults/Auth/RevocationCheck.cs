using Marketplace.ServiceDefaults.Data;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.ServiceDefaults.Auth;

/// <summary>Whether a validated access token has since been revoked.</summary>
public interface IRevocationCheck
{
    Task<bool> IsRevokedAsync(string? tokenId, string? subject, DateTimeOffset? issuedAt, CancellationToken cancellationToken);
}

/// <summary>One indexed lookup in the service's own <c>revoked_tokens</c> table.</summary>
public sealed class RevocationCheck<TContext>(TContext db) : IRevocationCheck
    where TContext : DbContext, IServiceDbContext
{
    public async Task<bool> IsRevokedAsync(string? tokenId, string? subject, DateTimeOffset? issuedAt, CancellationToken cancellationToken)
    {
        var tokenKey = tokenId is null ? null : RevokedToken.TokenKey(tokenId);
        var subjectKey = subject is null ? null : RevokedToken.SubjectKey(subject);
        // iat has whole seconds: a token issued in the same second as the revocation counts as revoked.
        var issued = issuedAt ?? DateTimeOffset.MinValue;
        var keys = new[] { tokenKey, subjectKey }.Where(k => k is not null).ToList();
        if (keys.Count == 0)
        {
            return false;
        }
        var hits = await db.RevokedTokens.AsNoTracking()
            .Where(r => keys.Contains(r.Key))
            .Select(r => new { r.Key, r.RevokedAt })
            .ToListAsync(cancellationToken);
        return hits.Any(h => h.Key == tokenKey || (h.Key == subjectKey && h.RevokedAt >= issued));
    }
}
