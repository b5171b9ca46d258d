using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Marketplace.ServiceDefaults.Auditing;
using Marketplace.ServiceDefaults.Auth;
using Marketplace.ServiceDefaults.Messaging;

namespace Marketplace.ServiceDefaults.Data;

public static class DatabaseSetup
{
    /// <summary>
    /// Registers a service's DbContext on the configured provider. Each provider has its own
    /// context subclass so that each keeps its own migrations (see docs/decisions/0002).
    /// </summary>
    public static WebApplicationBuilder AddServiceDatabase<TContext, TSqlite, TPostgres, TSqlServer>(this WebApplicationBuilder builder, string serviceName)
        where TContext : DbContext, IServiceDbContext
        where TSqlite : TContext
        where TPostgres : TContext
        where TSqlServer : TContext
    {
        builder.AddOwnDatabase<TContext, TSqlite, TPostgres, TSqlServer>(serviceName, (sp, o) =>
            o.AddInterceptors(sp.GetRequiredService<OutboxSignalInterceptor>(), sp.GetRequiredService<AuditInterceptor>()));
        builder.Services.TryAddSingleton<OutboxSignal>();
        builder.Services.TryAddSingleton<OutboxSignalInterceptor>();
        builder.Services.AddHttpContextAccessor();
        builder.Services.TryAddSingleton<AuditInterceptor>();
        builder.Services.AddOutboxDispatcher<TContext>(builder.Configuration, serviceName);
        // Revocations reach every service's database; in one process the first module's copy answers.
        builder.Services.TryAddScoped<IRevocationCheck, RevocationCheck<TContext>>();
        builder.Consumers().Add<TokensRevokedConsumer<TContext>>(serviceName);
        return builder;
    }

    /// <summary>
    /// A database a module owns without the messaging parts (no outbox, no revocation copy): the provider switch,
    /// <c>--migrate</c> and the readiness check only. The web UI's session store is one.
    /// </summary>
    public static WebApplicationBuilder AddOwnDatabase<TContext, TSqlite, TPostgres, TSqlServer>(this WebApplicationBuilder builder, string serviceName,
        Action<IServiceProvider, DbContextOptionsBuilder>? configure = null)
        where TContext : DbContext
        where TSqlite : TContext
        where TPostgres : TContext
        where TSqlServer : TContext
    {
        var options = builder.Configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        var connectionString = builder.Configuration.GetConnectionString(serviceName);
        configure ??= (_, _) => { };

        switch (options.Provider)
        {
            case DatabaseProvider.Sqlite:
                connectionString ??= $"Data Source={Path.Combine(options.DataFolderPath(builder.Environment.ContentRootPath), serviceName + ".db")}";
                builder.Services.AddDbContext<TContext, TSqlite>((sp, o) => configure(sp, o.UseSqlite(connectionString)));
                break;
            case DatabaseProvider.Postgres:
                var postgres = Required(connectionString, serviceName, options.Provider);
                builder.Services.AddDbContext<TContext, TPostgres>((sp, o) => configure(sp, o.UseNpgsql(postgres, npgsql => npgsql.EnableRetryOnFailure(3))));
                break;
            case DatabaseProvider.SqlServer:
                var sqlServer = Required(connectionString, serviceName, options.Provider);
                builder.Services.AddDbContext<TContext, TSqlServer>((sp, o) => configure(sp, o.UseSqlServer(sqlServer, sql => sql.EnableRetryOnFailure(3))));
                break;
            default:
                throw new InvalidOperationException($"Unknown Database:Provider '{options.Provider}'.");
        }

        builder.Services.TryAddSingleton(options);
        ServicesOf(builder.Services).Add(typeof(TContext));
        builder.Services.AddHealthChecks().AddCheck<DbContextHealthCheck<TContext>>($"{serviceName}-database", tags: ["ready"]);
        return builder;
    }

    private static string Required(string? connectionString, string serviceName, DatabaseProvider provider) =>
        string.IsNullOrWhiteSpace(connectionString)
            ? throw new InvalidOperationException($"ConnectionStrings:{serviceName} is required when Database:Provider is {provider}.")
            : connectionString;

    internal static ServiceDatabases ServicesOf(IServiceCollection services)
    {
        var existing = services.FirstOrDefault(d => d.ServiceType == typeof(ServiceDatabases))?.ImplementationInstance;
        if (existing is ServiceDatabases databases)
        {
            return databases;
        }
        databases = new ServiceDatabases();
        services.AddSingleton(databases);
        return databases;
    }
}
