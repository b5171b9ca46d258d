namespace Marketplace.Web.Data;

/// <summary>
/// One signed-in browser session: its ticket (claims and tokens), protected with the key ring, found by the SHA-256 of
/// the random key in the browser's cookie (the table alone names no cookie).
/// </summary>
public sealed class SessionTicket
{
    private SessionTicket()
    {
    }

    public SessionTicket(string id, byte[] protectedTicket, DateTimeOffset expiresAt)
    {
        Id = id;
        ProtectedTicket = protectedTicket;
        ExpiresAt = expiresAt;
    }

    public string Id { get; private set; } = "";

    public byte[] ProtectedTicket { get; private set; } = [];

    public DateTimeOffset ExpiresAt { get; private set; }

    /// <summary>Until when one request (on any replica) holds the right to redeem the session's refresh token.</summary>
    public DateTimeOffset? RefreshClaimedUntil { get; private set; }
}
