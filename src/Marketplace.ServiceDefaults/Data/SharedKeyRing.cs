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
        if (services.Any(d => d.ServiceType == typeof(KeyRingOwner)))
        {
            return services;
        }
        services.AddSingleton(new KeyRingOwner(typeof(TContext)));
        services.AddDataProtection().SetApplicationName(applicationName).PersistKeysToDbContext<TContext>();
        return services;
    }
}

/// <summary>Which database holds this process's key ring.</summary>
public sealed record KeyRingOwner(Type Context);
