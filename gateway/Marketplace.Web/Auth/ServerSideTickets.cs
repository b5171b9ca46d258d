using System.Security.Cryptography;
using System.Text;
using Marketplace.Web.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Web.Auth;

/// <summary>
/// Keeps the session's ticket (claims and the access, refresh and id tokens) on the server; the browser's cookie
/// carries only a random key. The tickets live in the web UI's database, so every gateway replica serves every
/// session and a sign-out on one ends it on all (docs/decisions/0028).
/// </summary>
internal sealed class ServerSideTickets(IServiceScopeFactory scopes, IDataProtectionProvider protection, TimeProvider time) : ITicketStore
{
    private const string RowItem = ".marketplace.session-row";

    private readonly IDataProtector _protector = protection.CreateProtector("Marketplace.Web.SessionTickets");

    public async Task<string> StoreAsync(AuthenticationTicket ticket)
    {
        var key = Convert.ToHexString(RandomNumberGenerator.GetBytes(32));
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WebSessionDbContext>();
        var now = time.GetUtcNow();
        // Sign-ins are rare next to requests: clearing the expired sessions here needs no timer of its own.
        await db.SessionTickets.Where(t => t.ExpiresAt <= now).ExecuteDeleteAsync();
        db.SessionTickets.Add(new SessionTicket(IdOf(key), Protect(ticket), ExpiryOf(ticket)));
        await db.SaveChangesAsync();
        return key;
    }

    /// <summary>Updates a session that still exists; a renewal racing a sign-out on another replica brings nothing back.</summary>
    public async Task RenewAsync(string key, AuthenticationTicket ticket)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WebSessionDbContext>();
        var id = IdOf(key);
        var bytes = Protect(ticket);
        var expiresAt = ExpiryOf(ticket);
        await db.SessionTickets.Where(t => t.Id == id).ExecuteUpdateAsync(s => s
            .SetProperty(t => t.ProtectedTicket, bytes)
            .SetProperty(t => t.ExpiresAt, expiresAt));
    }

    /// <summary>
    /// Claims, for <paramref name="hold"/>, the session's one refresh: a conditional update, so of the requests of one
    /// session that find the token due at the same moment, on whichever replicas, exactly one gets true.
    /// </summary>
    public async Task<bool> ClaimRefreshAsync(string row, TimeSpan hold)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WebSessionDbContext>();
        var now = time.GetUtcNow();
        var until = now + hold;
        return await db.SessionTickets.Where(t => t.Id == row && (t.RefreshClaimedUntil == null || t.RefreshClaimedUntil < now))
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.RefreshClaimedUntil, until)) == 1;
    }

    /// <summary>The row of the session a retrieved ticket came from (its id, the hash of the cookie's key; never the key).</summary>
    public static string? RowOf(AuthenticationProperties properties) => properties.Items.TryGetValue(RowItem, out var row) ? row : null;

    public Task<AuthenticationTicket?> RetrieveAsync(string key) => RetrieveRowAsync(IdOf(key));

    public async Task<AuthenticationTicket?> RetrieveRowAsync(string row)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WebSessionDbContext>();
        var now = time.GetUtcNow();
        var bytes = await db.SessionTickets.AsNoTracking().Where(t => t.Id == row && t.ExpiresAt > now).Select(t => t.ProtectedTicket).FirstOrDefaultAsync();
        if (bytes is null)
        {
            return null;
        }
        try
        {
            var ticket = TicketSerializer.Default.Deserialize(_protector.Unprotect(bytes));
            ticket?.Properties.Items[RowItem] = row;
            return ticket;
        }
        catch (CryptographicException)
        {
            // Protected with a key this ring no longer has: the session is over, as if it had expired.
            return null;
        }
    }

    public async Task RemoveAsync(string key)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WebSessionDbContext>();
        var id = IdOf(key);
        await db.SessionTickets.Where(t => t.Id == id).ExecuteDeleteAsync();
    }

    private byte[] Protect(AuthenticationTicket ticket)
    {
        // The row is known from the cookie each time; it is not part of what is stored.
        ticket.Properties.Items.Remove(RowItem);
        return _protector.Protect(TicketSerializer.Default.Serialize(ticket));
    }

    private DateTimeOffset ExpiryOf(AuthenticationTicket ticket) => (ticket.Properties.ExpiresUtc ?? time.GetUtcNow().AddHours(8)).ToUniversalTime();

    private static string IdOf(string key) => Convert.ToHexString(SHA256.HashData(Encoding.ASCII.GetBytes(key)));
}

/// <summary>Hands the server-side store to the cookie handler (it needs the service provider, hence a configure step).</summary>
internal sealed class UseServerSideTickets(ServerSideTickets tickets) : Microsoft.Extensions.Options.IPostConfigureOptions<CookieAuthenticationOptions>
{
    public void PostConfigure(string? name, CookieAuthenticationOptions options)
    {
        if (name == WebSchemes.Cookie)
        {
            options.SessionStore = tickets;
        }
    }
}
