namespace Marketplace.Identity.Domain;

/// <summary>
/// One link of a rotation chain. Each use consumes the token and issues its successor in the same
/// family; presenting a consumed token again means it was stolen or replayed, so the whole family is
/// revoked (OAuth 2.0 Security BCP, refresh token rotation).
/// </summary>
public sealed class RefreshToken
{
    private RefreshToken()
    {
    }

    public Guid Id { get; private set; }

    public string HandleHash { get; private set; } = "";

    public Guid FamilyId { get; private set; }

    public Guid UserId { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset ExpiresAt { get; private set; }

    public DateTimeOffset? ConsumedAt { get; private set; }

    public DateTimeOffset? RevokedAt { get; private set; }

    /// <summary>Two concurrent refreshes with one token: only the first commit wins.</summary>
    public Guid Version { get; private set; }

    public static (RefreshToken Token, string Handle) Issue(Guid userId, Guid? familyId, DateTimeOffset now, TimeSpan lifetime)
    {
        var handle = Secrets.NewCode();
        return (new RefreshToken
        {
            Id = Guid.NewGuid(),
            HandleHash = Secrets.Hash(handle),
            FamilyId = familyId ?? Guid.NewGuid(),
            UserId = userId,
            CreatedAt = now,
            ExpiresAt = now.Add(lifetime),
            Version = Guid.NewGuid(),
        }, handle);
    }

    public bool IsUsable(DateTimeOffset now) => ConsumedAt is null && RevokedAt is null && now < ExpiresAt;

    public bool WasReused => ConsumedAt is not null;

    public void Consume(DateTimeOffset now)
    {
        ConsumedAt = now;
        Version = Guid.NewGuid();
    }

    public void Revoke(DateTimeOffset now)
    {
        RevokedAt ??= now;
        Version = Guid.NewGuid();
    }
}
