using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.ServiceDefaults.Data;

public static class SharedKeyRing
{
    /// <summary>
    /// Keeps the process's Data Protection key ring in <typeparamref name="TContext"/>'s database, so that every replica
    /// and every restart reads the cookies, codes and antiforgery tokens the others protected. A process has one key ring:
    /// when several modules share a process (standalone), the first module that asks owns it.
    /// </summary>
    public static IServiceCollection AddSharedKeyRing<TContext>(this IServiceCollection services, string applicationName)
        where TContext : DbContext, IDataProtectionKeyContext
    {
        if (services.Any(d => d.ServiceType == typeof(KeyRingOwned)))
        {
            return services;
        }
        services.AddSingleton<KeyRingOwned>();
        services.AddDataProtection().SetApplicationName(applicationName).PersistKeysToDbContext<TContext>();
        return services;
    }

    /// <summary>Marks that a module has taken the process's key ring.</summary>
    private sealed class KeyRingOwned;
}
