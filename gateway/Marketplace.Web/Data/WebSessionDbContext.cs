using Marketplace.ServiceDefaults.Data;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Web.Data;

/// <summary>
/// The web UI's own database: the sign-in sessions and the Data Protection key ring, so that every gateway replica
/// serves every session (docs/decisions/0028). In one process with the identity module, the key ring is identity's.
/// </summary>
public abstract class WebSessionDbContext(DbContextOptions options) : DbContext(options), IDataProtectionKeyContext
{
    public DbSet<SessionTicket> SessionTickets => Set<SessionTicket>();

    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<SessionTicket>(t =>
        {
            t.ToTable("session_tickets");
            t.HasKey(x => x.Id);
            t.Property(x => x.Id).HasMaxLength(64);
            t.HasIndex(x => x.ExpiresAt);
        });
        modelBuilder.Entity<DataProtectionKey>(k =>
        {
            k.ToTable("data_protection_keys");
            k.HasKey(x => x.Id);
            k.Property(x => x.FriendlyName).HasMaxLength(200);
            k.Property(x => x.Xml).IsRequired();
        });
    }
}

/// <summary>The web UI's sessions on SQLite (standalone); owns the migrations under Data/Migrations/Sqlite.</summary>
public sealed class SqliteWebSessionDbContext(DbContextOptions<SqliteWebSessionDbContext> options) : WebSessionDbContext(options)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>
        SqliteConventions.Apply(configurationBuilder);
}

/// <summary>The web UI's sessions on PostgreSQL; owns the migrations under Data/Migrations/Postgres.</summary>
public sealed class PostgresWebSessionDbContext(DbContextOptions<PostgresWebSessionDbContext> options) : WebSessionDbContext(options);

/// <summary>The web UI's sessions on SQL Server; owns the migrations under Data/Migrations/SqlServer.</summary>
public sealed class SqlServerWebSessionDbContext(DbContextOptions<SqlServerWebSessionDbContext> options) : WebSessionDbContext(options)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>
        SqlServerConventions.Apply(configurationBuilder);
}
