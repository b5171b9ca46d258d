using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Marketplace.ServiceDefaults.Data;

/// <summary>Applies each registered service database's migrations for the configured provider.</summary>
public sealed partial class DatabaseMigrator(IServiceProvider services, ServiceDatabases databases, ILogger<DatabaseMigrator> logger)
{
    public async Task MigrateAllAsync(CancellationToken cancellationToken)
    {
        foreach (var contextType in databases.Contexts)
        {
            await using var scope = services.CreateAsyncScope();
            var db = (DbContext)scope.ServiceProvider.GetRequiredService(contextType);
            if (db.Database.IsSqlite())
            {
                PrepareSqliteFile(db);
            }
            var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).Count();
            await db.Database.MigrateAsync(cancellationToken);
            if (db.Database.IsSqlite())
            {
                // Write-ahead logging lets readers continue while the outbox dispatcher writes.
                await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
            }
            LogMigrated(logger, contextType.Name, pending);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Database {Context}: applied {Count} migration(s)")]
    private static partial void LogMigrated(ILogger logger, string context, int count);

    private static void PrepareSqliteFile(DbContext db)
    {
        var dataSource = new SqliteConnectionStringBuilder(db.Database.GetConnectionString()).DataSource;
        var folder = Path.GetDirectoryName(Path.GetFullPath(dataSource));
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
        }
    }
}

/// <summary>Runs the migrator before any other hosted service starts (the bus included) when <c>Database:MigrateOnStart</c> is set.</summary>
internal sealed class MigrateOnStartService(DatabaseMigrator migrator, DatabaseOptions options) : IHostedLifecycleService
{
    public Task StartingAsync(CancellationToken cancellationToken) =>
        options.MigrateOnStart ? migrator.MigrateAllAsync(cancellationToken) : Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
