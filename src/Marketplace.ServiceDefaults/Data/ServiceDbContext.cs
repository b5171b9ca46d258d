using Marketplace.ServiceDefaults.Auditing;
using Marketplace.ServiceDefaults.Auth;
using Marketplace.ServiceDefaults.Messaging;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.ServiceDefaults.Data;

/// <summary>
/// Base of a service's DbContext: adds the outbox, inbox and audit tables so events, processed
/// message ids and the audit trail are written in the same transaction as the state they belong to.
/// </summary>
public abstract class ServiceDbContext(DbContextOptions options) : DbContext(options), IServiceDbContext
{
    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();

    public DbSet<InboxMessage> InboxMessages => Set<InboxMessage>();

    public DbSet<AuditEntry> AuditLog => Set<AuditEntry>();

    public DbSet<RevokedToken> RevokedTokens => Set<RevokedToken>();

    protected override void OnModelCreating(ModelBuilder modelBuilder) => modelBuilder.AddServiceTables();
}
