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

    public async Task<AuthenticationTicket?> RetrieveAsync(string key)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WebSessionDbContext>();
        var id = IdOf(key);
        var now = time.GetUtcNow();
        var row = await db.SessionTickets.AsNoTracking().Where(t => t.Id == id && t.ExpiresAt > now).Select(t => t.ProtectedTicket).FirstOrDefaultAsync();
        if (row is null)
        {
            return null;
        }
        try
        {
            return TicketSerializer.Default.Deserialize(_protector.Unprotect(row));
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

    private byte[] Protect(AuthenticationTicket ticket) => _protector.Protect(TicketSerializer.Default.Serialize(ticket));

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
