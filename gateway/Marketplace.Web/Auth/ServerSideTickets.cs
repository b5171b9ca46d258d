using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.Caching.Distributed;

namespace Marketplace.Web.Auth;

/// <summary>
/// Keeps the session's ticket (claims and the access, refresh and id tokens) on the server; the browser's
/// cookie carries only a random key. Backed by <see cref="IDistributedCache"/>: memory in one process, a shared
/// cache when several gateway instances serve the UI.
/// </summary>
internal sealed class ServerSideTickets(IDistributedCache cache, TimeProvider time) : ITicketStore
{
    private const string Prefix = "web-ticket:";

    public async Task<string> StoreAsync(AuthenticationTicket ticket)
    {
        var key = Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
        await RenewAsync(key, ticket);
        return key;
    }

    public Task RenewAsync(string key, AuthenticationTicket ticket) =>
        cache.SetAsync(Prefix + key, TicketSerializer.Default.Serialize(ticket), new DistributedCacheEntryOptions
        {
            AbsoluteExpiration = ticket.Properties.ExpiresUtc ?? time.GetUtcNow().AddHours(8),
        });

    public async Task<AuthenticationTicket?> RetrieveAsync(string key) =>
        await cache.GetAsync(Prefix + key) is { } bytes ? TicketSerializer.Default.Deserialize(bytes) : null;

    public Task RemoveAsync(string key) => cache.RemoveAsync(Prefix + key);
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
